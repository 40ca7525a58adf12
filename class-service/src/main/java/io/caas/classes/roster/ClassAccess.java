package io.caas.classes.roster;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Who may see and who may run a class. A class someone may not see answers 404 to them,
 * whoever they are, so ids of other teachers' classes do not leak; a student asking to
 * manage answers 403 before any lookup.
 */
@Component
public class ClassAccess {

	private final ClassRoomRepository classes;

	ClassAccess(ClassRoomRepository classes) {
		this.classes = classes;
	}

	/** The class if {@code who} is an admin, its teacher or enrolled in it; else 404. */
	public ClassRoom visible(Identity who, String classId) {
		return this.classes.findById(classId).filter(c -> canSee(who, c)).orElseThrow(() -> notFound(classId));
	}

	/**
	 * The class if {@code who} is an admin or its teacher; students get 403, other
	 * teachers 404.
	 */
	public ClassRoom manageable(Identity who, String classId) {
		Require.anyOf(who, Role.TEACHER, Role.ADMIN);
		return this.classes.findById(classId).filter(c -> canManage(who, c)).orElseThrow(() -> notFound(classId));
	}

	static boolean canManage(Identity who, ClassRoom room) {
		return who.isAdmin() || (who.has(Role.TEACHER) && who.username().equals(room.teacher()));
	}

	static boolean canSee(Identity who, ClassRoom room) {
		return canManage(who, room) || (who.has(Role.STUDENT) && room.isEnrolled(who.username()));
	}

	/** Whether {@code who} sees the whole roster or only themselves. */
	public static boolean seesRoster(Identity who, ClassRoom room) {
		return canManage(who, room);
	}

	private static CaasException notFound(String classId) {
		return CaasException.notFound("class", classId);
	}

}
