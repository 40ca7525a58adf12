package io.caas.classes.roster;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/classes}; ids are checked by {@link RosterService}. */
record CreateClassRequest(@NotBlank String classId, @NotBlank @Size(max = 120) String name,
		@Size(max = 120) String subject, @NotBlank String templateId,
		@Size(max = Roster.MAX_STUDENTS) List<String> students) {
}
