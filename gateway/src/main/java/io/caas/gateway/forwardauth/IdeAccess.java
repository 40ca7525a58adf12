package io.caas.gateway.forwardauth;

import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;

/**
 * Who may open an IDE: its own student, admins, and the teacher of that class. Whether a
 * teacher teaches the class only class-service knows, so for teachers the rule answers
 * {@link Decision#ASK_CLASS}.
 */
final class IdeAccess {

	private IdeAccess() {
	}

	enum Decision {

		ALLOW, ASK_CLASS, DENY

	}

	static Decision decide(Identity caller, IdeHost ide) {
		if (caller.has(Role.ADMIN)) {
			return Decision.ALLOW;
		}
		if (caller.has(Role.STUDENT) && ide.studentId().equals(caller.username())) {
			return Decision.ALLOW;
		}
		return caller.has(Role.TEACHER) ? Decision.ASK_CLASS : Decision.DENY;
	}

}
