package io.caas.classes.roster;

/**
 * One line of a roster as given: its number (CSV line, or position in a JSON list, from
 * 1) and the student id written there.
 */
record RosterRow(int row, String studentId) {

}
