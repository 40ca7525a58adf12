package io.caas.gateway.forwardauth;

import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;

/**
 * Who may open an IDE: its own student, and staff. Teachers are not yet checked against
 * the class roster (that needs class-service): any teacher passes.
 */
final class IdeAccess {

	private IdeAccess() {
	}

	static boolean allows(Identity caller, IdeHost ide) {
		if (caller.has(Role.ADMIN) || caller.has(Role.TEACHER)) {
			return true;
		}
		return caller.has(Role.STUDENT) && ide.studentId().equals(caller.username());
	}

}
