package io.caas.classes.submission;

import java.util.ArrayList;
import java.util.List;

import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.workspace.Manifest;
import io.caas.classes.workspace.SafePaths;
import io.caas.classes.workspace.StoredAttempts;
import io.caas.classes.workspace.WorkspaceKeys;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.common.naming.Ids;

import org.springframework.stereotype.Service;

/**
 * Who sees which collections: a teacher their classes', an admin all, a student only
 * their own (anything else is 404, as for classes). Every id and path of a request is
 * checked against the key rules before the store is asked.
 */
@Service
class SubmissionService {

	private final ClassAccess access;

	private final StoredAttempts attempts;

	SubmissionService(ClassAccess access, StoredAttempts attempts) {
		this.access = access;
		this.attempts = attempts;
	}

	SubmissionsView list(Identity who, String classId) {
		ClassRoom room = this.access.visible(who, classId);
		boolean all = ClassAccess.seesRoster(who, room);
		List<SubmissionsView.Session> sessions = new ArrayList<>();
		for (String sessionId : this.attempts.sessions(classId)) {
			List<String> students = all ? this.attempts.students(classId, sessionId)
					: this.attempts.students(classId, sessionId).stream().filter(who.username()::equals).toList();
			List<SubmissionsView.Student> views = new ArrayList<>();
			for (String studentId : students) {
				List<Manifest> complete = this.attempts.complete(classId, sessionId, studentId);
				if (!complete.isEmpty()) {
					views.add(SubmissionsView.Student.of(studentId, complete));
				}
			}
			if (!views.isEmpty()) {
				sessions.add(new SubmissionsView.Session(sessionId, views));
			}
		}
		return new SubmissionsView(classId, sessions);
	}

	/**
	 * The attempt (latest when {@code attemptId} is null) of a student the caller may
	 * see.
	 */
	Manifest attempt(Identity who, String classId, String sessionId, String studentId, String attemptId) {
		ClassRoom room = this.access.visible(who, classId);
		if (!ClassAccess.seesRoster(who, room) && !who.username().equals(studentId)) {
			throw notFound(classId, sessionId, studentId);
		}
		checkIds(sessionId, studentId, attemptId);
		List<Manifest> complete = this.attempts.complete(classId, sessionId, studentId);
		return complete.stream()
			.filter(m -> attemptId == null || m.attemptId().equals(attemptId))
			.findFirst()
			.orElseThrow(() -> notFound(classId, sessionId, studentId));
	}

	/**
	 * Latest attempt of every student of a session; teachers of the class and admins
	 * only.
	 */
	List<Manifest> session(Identity who, String classId, String sessionId) {
		this.access.manageable(who, classId);
		checkIds(sessionId, null, null);
		List<Manifest> latest = new ArrayList<>();
		for (String studentId : this.attempts.students(classId, sessionId)) {
			this.attempts.latest(classId, sessionId, studentId).ifPresent(latest::add);
		}
		if (latest.isEmpty()) {
			throw CaasException.notFound("session", sessionId);
		}
		return latest;
	}

	/** The file entry of a path, validated as archive entries are. */
	static Manifest.FileEntry file(Manifest attempt, String path) {
		if (!SafePaths.isSafe(path)) {
			throw CaasException.badRequest("invalid-path", "path '" + path + "' is not a plain relative path");
		}
		return attempt.files()
			.stream()
			.filter(f -> f.path().equals(path))
			.findFirst()
			.orElseThrow(() -> CaasException.notFound("file", path));
	}

	static void requireManager(Identity who) {
		Require.anyOf(who, Role.TEACHER, Role.ADMIN);
	}

	private static void checkIds(String sessionId, String studentId, String attemptId) {
		if (!WorkspaceKeys.isSession(sessionId) || (studentId != null && !Ids.isValid(studentId))
				|| (attemptId != null && !WorkspaceKeys.isAttempt(attemptId))) {
			throw CaasException.badRequest("invalid-id", "session, student or attempt id is invalid");
		}
	}

	private static CaasException notFound(String classId, String sessionId, String studentId) {
		return CaasException.notFound("submission", classId + "/" + sessionId + "/" + studentId);
	}

}
