package io.caas.classes.session;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import io.caas.classes.capacity.HostCapacity;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.lifecycle.Transitions;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.claim.ClassClaim;
import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.RosterLock;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Accepts UP and DOWN requests: decide ({@link Transitions}), claim the class atomically,
 * record the operation, hand it to a worker. The caller gets the operation id before any
 * container work starts.
 */
@Service
class SessionService {

	private static final Logger log = LoggerFactory.getLogger(SessionService.class);

	private final ClassAccess access;

	private final TemplateCatalog templates;

	private final ClassStates states;

	private final OperationService operations;

	private final TransitionRunner runner;

	private final ClassLocks locks;

	private final Clock clock;

	private final HostCapacity capacity;

	private final RosterLock roster;

	SessionService(ClassAccess access, TemplateCatalog templates, ClassStates states, OperationService operations,
			TransitionRunner runner, ClassLocks locks, Clock clock, HostCapacity capacity, RosterLock roster) {
		this.capacity = capacity;
		this.roster = roster;
		this.locks = locks;
		this.access = access;
		this.templates = templates;
		this.states = states;
		this.operations = operations;
		this.runner = runner;
		this.clock = clock;
	}

	String request(Identity who, String classId, Transition transition) {
		ClassRoom room = this.access.manageable(who, classId);
		Transitions.Decision decision = Transitions.next(new Transitions.Request(room.state(), transition,
				room.students().size(), this.templates.find(room.templateId()).isPresent()));
		switch (decision.kind()) {
			case CONFLICT -> throw CaasException.conflict(decision.code(), decision.message());
			case NO_OP -> {
				return this.operations.noOp(transition, classId, room.sessionId(), who.username(), decision.message())
					.id();
			}
			default -> {
				return start(who, room, transition, decision.target(), null);
			}
		}
	}

	/**
	 * Closes again a class whose last close failed, on behalf of the background retry;
	 * the same atomic claim as a teacher's request, so a busy class is a 409.
	 */
	String retryDown(ClassRoom room, Identity system) {
		return start(system, room, Transition.DOWN, ClassState.CLOSING, null);
	}

	/**
	 * Opens or closes a class on behalf of the scheduler, with the reason recorded on the
	 * operation; the same decision and atomic claim as a teacher's request.
	 */
	String requestAutomatically(ClassRoom room, Identity system, Transition transition, String reason) {
		Transitions.Decision decision = Transitions.next(new Transitions.Request(room.state(), transition,
				room.students().size(), this.templates.find(room.templateId()).isPresent()));
		if (decision.kind() != Transitions.Decision.Kind.START) {
			throw CaasException.conflict(String.valueOf(decision.code()), String.valueOf(decision.message()));
		}
		return start(system, room, transition, decision.target(), reason);
	}

	private void submit(Identity who, ClassRoom room, Transition transition, ClassState target, String reason,
			String operationId, String sessionId) {
		// The roster lock too (taken first, as ClassEdits does): a join, a leave or a
		// roster
		// change also writes the class document when it is CLOSED or OPEN, and FerretDB
		// applies two such conditional updates at once by reading and writing back the
		// whole
		// document, so without it one of the two writes would be lost.
		ClassRoom claimed = this.roster
			.withLock(room.id(),
					() -> CaasException
						.conflict("class-busy", "class '" + room.id() + "' is being changed right now; try again"),
					ClassClaim::unavailable,
					() -> this.locks.claiming(room.id(),
							() -> claimUnlessResetting(room, target, operationId, sessionId)))
			.orElseThrow(() -> CaasException.conflict("class-busy",
					"class '" + room.id() + "' changed meanwhile; another operation owns it"));
		Operation operation = this.operations.start(operationId, transition, room.id(), sessionId, claimed.students(),
				who.username(), reason);
		try {
			this.runner.submit(operation);
		}
		catch (RejectedExecutionException ex) {
			this.states.settle(room.id(), operationId, room.state());
			this.operations.abandon(operation, "orchestrator busy");
			throw new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "orchestrator-busy",
					"too many classes are opening or closing right now; try again shortly");
		}
	}

	/**
	 * Claims the class unless a student's reset runs in it: the reset takes its mark
	 * under the same claim lock after it saw the class OPEN, so one of the two refuses.
	 */
	private Optional<ClassRoom> claimUnlessResetting(ClassRoom room, ClassState target, String operationId,
			String sessionId) {
		if (this.locks.resetMark(room.id()).isLocked()) {
			throw CaasException.conflict("class-busy",
					"a student of class '" + room.id() + "' is being reset; wait for the reset to finish");
		}
		return this.states.claim(room.id(), room.state(), target, operationId, sessionId);
	}

	private String start(Identity who, ClassRoom room, Transition transition, ClassState target, String reason) {
		this.locks.requireReachable(room.id());
		String operationId = OperationService.newId();
		boolean reserved = (transition == Transition.UP) && this.capacity.requireOpen(room.id(), operationId,
				this.templates.require(room.templateId()), room.students());
		String sessionId = (transition == Transition.UP && room.state() == ClassState.CLOSED)
				? SessionIds.next(this.clock, ThreadLocalRandom.current()) : room.sessionId();
		try {
			submit(who, room, transition, target, reason, operationId, sessionId);
		}
		catch (RuntimeException ex) {
			if (reserved) {
				// the worker releases it once it took the job; not taken, nothing will
				// (a reservation another open of the class holds stays)
				this.capacity.releaseQuietly(room.id(), operationId);
			}
			throw ex;
		}
		log.info("transition accepted classId={} operationId={} kind={} sessionId={} by={}", room.id(), operationId,
				transition, sessionId, who.username());
		return operationId;
	}

}
