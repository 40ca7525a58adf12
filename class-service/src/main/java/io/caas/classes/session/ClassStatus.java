package io.caas.classes.session;

import java.util.List;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.runtime.RuntimeContainer;

/**
 * A class as it is: the stored state, and for each student what the engine reports.
 *
 * @param operationId the last operation, to follow if the class is changing
 */
record ClassStatus(String classId, ClassState state, String sessionId, String operationId,
		List<StudentStatus> students) {

	/**
	 * One student's IDE.
	 *
	 * @param state READY, STARTING, ABSENT, FAILED or STOPPED (idle)
	 * @param reason why it is FAILED (or ABSENT while being removed)
	 */
	record StudentStatus(String studentId, String ideUrl, IdeState state, String reason) {

		/** The IDE state told by the student's container, or ABSENT without one. */
		static StudentStatus observe(String studentId, String url, RuntimeContainer container) {
			if (container == null) {
				return new StudentStatus(studentId, url, IdeState.ABSENT, null);
			}
			return switch (container.state()) {
				case RUNNING -> switch (container.health()) {
					case HEALTHY, NONE -> new StudentStatus(studentId, url, IdeState.READY, null);
					case STARTING -> new StudentStatus(studentId, url, IdeState.STARTING, null);
					case UNHEALTHY -> new StudentStatus(studentId, url, IdeState.FAILED, "healthcheck failing");
				};
				case CREATED, RESTARTING -> new StudentStatus(studentId, url, IdeState.STARTING, null);
				case REMOVING -> new StudentStatus(studentId, url, IdeState.ABSENT, "being removed");
				case EXITED, DEAD -> new StudentStatus(studentId, url, IdeState.FAILED,
						"exited" + ((container.exitCode() != null) ? " with code " + container.exitCode() : ""));
				case PAUSED, UNKNOWN -> new StudentStatus(studentId, url, IdeState.FAILED,
						"container is " + container.state().name().toLowerCase());
			};
		}

	}

	/** What a student's IDE is doing, from its container. */
	enum IdeState {

		READY, STARTING, ABSENT, FAILED,

		/** Stopped because nobody used it; a request to its IDE host starts it again. */
		STOPPED

	}

}
