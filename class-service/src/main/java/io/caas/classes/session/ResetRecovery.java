package io.caas.classes.session;

import java.util.Set;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a reset left by a crash needs before its operation is marked failed. Nothing
 * unverified is ever removed: a runtime that was not removed yet stays (the reconciler
 * starts it again if the reset had stopped it to collect it); a student whose runtime was
 * removed after a verified collection gets one again through the heal of the OPEN class
 * (an UP that creates only what is missing, restoring the carry-over).
 */
@Component
public class ResetRecovery {

	static final Identity SYSTEM = new Identity("caas-reconciler", Set.of(Role.ADMIN));

	private static final Logger log = LoggerFactory.getLogger(ResetRecovery.class);

	private final ClassRoomRepository classes;

	private final ContainerRuntime runtime;

	private final SessionService sessions;

	ResetRecovery(ClassRoomRepository classes, ContainerRuntime runtime, SessionService sessions) {
		this.classes = classes;
		this.runtime = runtime;
		this.sessions = sessions;
	}

	/**
	 * Heals the class of an interrupted RESET operation when its student has no runtime;
	 * throws (a 409 or 503 problem) when the heal cannot start now, so the caller tries
	 * again on its next pass.
	 */
	public void recover(Operation operation) {
		if (operation.kind() != Transition.RESET) {
			return;
		}
		ClassRoom room = this.classes.findById(operation.classId()).orElse(null);
		if (room == null || room.state() != ClassState.OPEN) {
			return;
		}
		for (Operation.StudentProgress student : operation.students()) {
			if (this.runtime.list(Labels.studentSelector(room.id(), student.studentId())).isEmpty()) {
				String reason = "healing the class after the interrupted reset of " + student.studentId();
				String healing = this.sessions.requestAutomatically(room, SYSTEM, Transition.UP, reason);
				log.info("reset recovered classId={} studentId={} operationId={} healedBy={}", room.id(),
						student.studentId(), operation.id(), healing);
				return;
			}
		}
	}

}
