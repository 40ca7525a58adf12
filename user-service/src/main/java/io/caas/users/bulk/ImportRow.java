package io.caas.users.bulk;

/**
 * One user line of an import, as written.
 *
 * @param line the CSV line it came from (the header is line 1)
 * @param username the {@code username} column
 * @param displayName the {@code displayName} column, may be blank
 * @param roles the {@code roles} column: role names separated by {@code ;}, {@code |} or
 * spaces
 * @param password the {@code password} column, may be blank when the request gives an
 * initial password for everyone
 */
record ImportRow(int line, String username, String displayName, String roles, String password) {

}
