package io.caas.classes.roster;

/**
 * Published after a class was created with students or its roster grew (replaced, a
 * student joined): what the orchestrator may prepare before the class's next open.
 */
public record ClassRosterChanged(String classId) {
}
