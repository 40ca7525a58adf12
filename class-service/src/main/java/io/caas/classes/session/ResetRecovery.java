package io.caas.classes.session;

import java.util.List;
import java.util.Set;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a reset left by a crash needs before its operation is marked failed. Nothing
 * unverified is ever removed: a runtime that was not removed yet stays (the reconciler
 * starts it again if the reset had stopped it to collect it); a student whose runtime was
 * removed after a verified collection gets one again through the heal of the OPEN class
 * (an UP that creates only what is missing, restoring the carry-over). A carry-over
 * student whose step was CREATING may have a fresh runtime the crash left before its
 * restore: it holds no work (the old runtimes were removed before CREATING was recorded),
 * so it is removed under the class lock, unless any operation of the class started later,
 * and the heal creates it again restored.
 */
@Component
public class ResetRecovery {

	static final Identity SYSTEM = new Identity("caas-reconciler", Set.of(Role.ADMIN));

	private static final Logger log = LoggerFactory.getLogger(ResetRecovery.class);

	private final ClassRoomRepository classes;

	private final ContainerRuntime runtime;

	private final SessionService sessions;

	private final ClassLocks locks;

	private final OperationService operations;

	ResetRecovery(ClassRoomRepository classes, ContainerRuntime runtime, SessionService sessions, ClassLocks locks,
			OperationService operations) {
		this.classes = classes;
		this.runtime = runtime;
		this.sessions = sessions;
		this.locks = locks;
		this.operations = operations;
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
			List<RuntimeContainer> present = this.runtime.list(Labels.studentSelector(room.id(), student.studentId()));
			if (!present.isEmpty() && room.section().carryOver() && student.state() == StudentStep.CREATING) {
				present = removeUnrestored(room, operation, student.studentId());
			}
			if (present.isEmpty()) {
				String reason = "healing the class after the interrupted reset of " + student.studentId();
				String healing = this.sessions.requestAutomatically(room, SYSTEM, Transition.UP, reason);
				log.info("reset recovered classId={} studentId={} operationId={} healedBy={}", room.id(),
						student.studentId(), operation.id(), healing);
				return;
			}
		}
	}

	/** What is left of the student's runtimes once the unrestored fresh one is gone. */
	private List<RuntimeContainer> removeUnrestored(ClassRoom room, Operation operation, String studentId) {
		RLock lock = this.locks.of(room.id());
		if (!lock.tryLock()) {
			throw CaasException.conflict("class-busy", "class '" + room.id() + "' is busy; recovered later");
		}
		try {
			List<RuntimeContainer> present = this.runtime.list(Labels.studentSelector(room.id(), studentId));
			if (this.operations.anyStartedAfter(room.id(), operation.startedAt())) {
				// a later operation may have given the student a runtime with work: keep
				// it
				return present;
			}
			present.forEach(c -> this.runtime.remove(c.id()));
			log.info("reset recovery removed an unrestored runtime classId={} studentId={} operationId={}", room.id(),
					studentId, operation.id());
			return List.of();
		}
		finally {
			lock.unlock();
		}
	}

}
