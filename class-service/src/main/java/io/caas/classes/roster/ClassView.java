package io.caas.classes.roster;

import java.time.Instant;
import java.util.List;

import io.caas.classes.lifecycle.ClassState;
import io.caas.common.identity.Identity;

/**
 * A class as the API shows it; a student sees only themselves in the roster, and how many
 * seats are taken.
 */
public record ClassView(String classId, String name, String subject, String templateId, String teacher,
		List<String> students, ClassState state, String sessionId, String operationId, Instant updatedAt,
		Integer capacity, int enrolled, Integer seatsLeft, boolean selfEnrol, Schedule schedule, boolean carryOver) {

	public static ClassView of(ClassRoom c, Identity who) {
		List<String> students = ClassAccess.seesRoster(who, c) ? c.students()
				: c.students().stream().filter(who.username()::equals).toList();
		Section s = c.section();
		return new ClassView(c.id(), c.name(), c.subject(), c.templateId(), c.teacher(), students, c.state(),
				c.sessionId(), c.operationId(), c.updatedAt(), s.capacity(), c.students().size(),
				s.seatsLeft(c.students().size()), s.selfEnrol(), s.schedule(), s.carryOver());
	}

}
