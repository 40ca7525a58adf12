package io.caas.classes.roster;

/**
 * Why one roster row cannot be taken.
 *
 * @param row the line (CSV) or position (JSON, from 1)
 * @param studentId what the row says
 * @param code {@code invalid-input}, {@code duplicate-student}, {@code over-capacity} or
 * {@code other-section}
 * @param message the reason in words
 */
public record RowError(int row, String studentId, String code, String message) {

}
