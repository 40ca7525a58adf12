package io.caas.classes.roster;

import java.time.Instant;
import java.util.List;

import io.caas.classes.session.ClassState;
import io.caas.common.identity.Identity;

/** A class as the API shows it; a student sees only themselves in the roster. */
record ClassView(String classId, String name, String subject, String templateId, String teacher, List<String> students,
		ClassState state, String sessionId, String operationId, Instant updatedAt) {

	static ClassView of(ClassRoom c, Identity who) {
		List<String> students = ClassAccess.seesRoster(who, c) ? c.students()
				: c.students().stream().filter(who.username()::equals).toList();
		return new ClassView(c.id(), c.name(), c.subject(), c.templateId(), c.teacher(), students, c.state(),
				c.sessionId(), c.operationId(), c.updatedAt());
	}

}
