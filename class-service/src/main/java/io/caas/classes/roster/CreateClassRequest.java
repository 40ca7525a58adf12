package io.caas.classes.roster;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/classes}; ids are checked by {@link RosterService}.
 * {@code subject} is a subject id ({@code GET /api/subjects}); the section fields are
 * optional.
 */
record CreateClassRequest(@NotBlank String classId, @NotBlank @Size(max = 120) String name,
		@NotBlank(message = "must name a subject id, see GET /api/subjects") String subject,
		@NotBlank String templateId, @Size(max = RosterRules.MAX_STUDENTS) List<String> students,
		@Min(1) @Max(RosterRules.MAX_STUDENTS) Integer capacity, Boolean selfEnrol, Schedule schedule,
		Boolean carryOver) {

	Section section() {
		return new Section(this.capacity, Boolean.TRUE.equals(this.selfEnrol),
				(this.schedule != null) ? this.schedule.validated() : null, Boolean.TRUE.equals(this.carryOver));
	}

}
