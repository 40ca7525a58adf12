package io.caas.classes.roster;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/classes/{classId}/roster}: the complete new roster. */
record RosterRequest(@NotNull @Size(max = RosterRules.MAX_STUDENTS) List<String> students) {
}
