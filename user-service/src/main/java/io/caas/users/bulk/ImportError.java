package io.caas.users.bulk;

/**
 * Why one import line cannot be taken.
 *
 * @param line the CSV line (the header is line 1)
 * @param username what the line names
 * @param field the column at fault
 * @param code {@code invalid-username}, {@code duplicate-username}, {@code user-exists},
 * {@code invalid-role}, {@code missing-password}, {@code invalid-password} or
 * {@code invalid-display-name}
 * @param message the reason in words
 */
record ImportError(int line, String username, String field, String code, String message) {

}
