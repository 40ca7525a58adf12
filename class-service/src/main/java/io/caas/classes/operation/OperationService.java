package io.caas.classes.operation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.caas.classes.operation.Operation.Progress;
import io.caas.classes.operation.Operation.StudentProgress;
import io.caas.classes.session.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** Creates, finds and records operations. */
@Service
public class OperationService {

	private static final Logger log = LoggerFactory.getLogger(OperationService.class);

	private final OperationRepository operations;

	private final OperationEvents events;

	private final Clock clock;

	OperationService(OperationRepository operations, OperationEvents events, Clock clock) {
		this.operations = operations;
		this.events = events;
		this.clock = clock;
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/** A RUNNING operation with every student PENDING. */
	public Operation start(String id, Transition kind, String classId, String sessionId, List<String> students,
			String requestedBy) {
		List<StudentProgress> pending = students.stream().map(StudentProgress::pending).toList();
		return this.operations.insert(new Operation(id, kind, classId, sessionId, OperationState.RUNNING, null,
				requestedBy, this.clock.instant(), null, pending, Progress.of(pending), 0));
	}

	/** An operation that had nothing to do, already SUCCEEDED. */
	public Operation noOp(Transition kind, String classId, String sessionId, String requestedBy, String message) {
		return this.operations.insert(new Operation(newId(), kind, classId, sessionId, OperationState.SUCCEEDED,
				message, requestedBy, this.clock.instant(), this.clock.instant(), List.of(), new Progress(0, 0), 0));
	}

	public Optional<Operation> find(String id) {
		return this.operations.findById(id);
	}

	public List<Operation> running() {
		return this.operations.findByState(OperationState.RUNNING);
	}

	/** A tracker whose every change is saved, then announced. */
	public OperationTracker track(Operation operation) {
		return new OperationTracker(operation, this.clock, this::record);
	}

	/** Ends a RUNNING operation nobody is running anymore. */
	public void abandon(Operation operation, String reason) {
		if (operation.isRunning()) {
			track(operation).finish(reason);
		}
	}

	private void record(Operation operation) {
		try {
			this.operations.save(operation);
			this.events.changed(operation.id(), operation.seq());
		}
		catch (RuntimeException ex) {
			// the orchestration goes on; readers catch up with the next change that is
			// saved
			log.warn("operation not recorded operationId={} seq={} reason={}", operation.id(), operation.seq(),
					ex.toString());
		}
	}

}
