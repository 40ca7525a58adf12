package io.caas.classes.roster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Body of {@code PUT /api/classes/{classId}/section}: the complete new section settings
 * (a missing field means "none": no capacity limit, no self-enrolment, no schedule).
 */
record SectionRequest(@Min(1) @Max(500) Integer capacity, Boolean selfEnrol, Schedule schedule, Boolean carryOver) {

	Section section() {
		return new Section(this.capacity, Boolean.TRUE.equals(this.selfEnrol),
				(this.schedule != null) ? this.schedule.validated() : null, Boolean.TRUE.equals(this.carryOver));
	}

}
