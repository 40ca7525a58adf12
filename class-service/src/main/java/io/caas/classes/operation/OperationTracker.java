package io.caas.classes.operation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.caas.classes.operation.Operation.Progress;
import io.caas.classes.operation.Operation.StudentProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live record of one running operation. Student workers report steps concurrently;
 * each change produces a new snapshot handed, in order, to the sink (which persists and
 * announces it) and one log line.
 */
public final class OperationTracker {

	private static final Logger log = LoggerFactory.getLogger(OperationTracker.class);

	private final Consumer<Operation> sink;

	private final Clock clock;

	private Operation current;

	public OperationTracker(Operation initial, Clock clock, Consumer<Operation> sink) {
		this.current = initial;
		this.clock = clock;
		this.sink = sink;
	}

	public synchronized Operation snapshot() {
		return this.current;
	}

	public String operationId() {
		return snapshot().id();
	}

	/**
	 * Adds students found along the way (e.g. a container of a student no longer
	 * enrolled).
	 */
	public synchronized void include(List<String> studentIds) {
		List<StudentProgress> students = new ArrayList<>(this.current.students());
		for (String id : studentIds) {
			if (students.stream().noneMatch(s -> s.studentId().equals(id))) {
				students.add(StudentProgress.pending(id));
			}
		}
		if (students.size() != this.current.students().size()) {
			publish(with(students));
		}
	}

	public void step(String studentId, StudentStep step) {
		update(studentId, step, null, -1, -1);
	}

	public void fail(String studentId, String reason) {
		update(studentId, StudentStep.FAILED, reason, -1, -1);
	}

	public void skip(String studentId, String reason) {
		update(studentId, StudentStep.SKIPPED, reason, -1, -1);
	}

	public void uploaded(String studentId, int files, long bytes) {
		update(studentId, StudentStep.UPLOADED, null, files, bytes);
	}

	/**
	 * Ends the operation: FAILED if any student failed or a message says why, else
	 * SUCCEEDED.
	 */
	public synchronized Operation finish(String failure) {
		boolean anyFailed = this.current.students().stream().anyMatch(s -> s.state() == StudentStep.FAILED);
		OperationState state = (anyFailed || failure != null) ? OperationState.FAILED : OperationState.SUCCEEDED;
		String outcome = (failure != null) ? failure : (anyFailed ? "some students failed; see their reasons" : null);
		Operation c = this.current;
		// a message set at the start (why the operation was started) stays in front
		String message = (c.message() == null) ? outcome
				: (outcome == null) ? c.message() : c.message() + "; " + outcome;
		publish(new Operation(c.id(), c.kind(), c.classId(), c.sessionId(), state, message, c.requestedBy(),
				c.startedAt(), this.clock.instant(), c.students(), c.progress(), c.seq()));
		log.info("operation finished classId={} operationId={} kind={} state={} progress={}/{} message={}", c.classId(),
				c.id(), c.kind(), state, c.progress().done(), c.progress().total(), message);
		return this.current;
	}

	private synchronized void update(String studentId, StudentStep step, String reason, int files, long bytes) {
		List<StudentProgress> students = new ArrayList<>(this.current.students());
		int index = -1;
		for (int i = 0; i < students.size(); i++) {
			if (students.get(i).studentId().equals(studentId)) {
				index = i;
			}
		}
		StudentProgress before = (index >= 0) ? students.get(index) : StudentProgress.pending(studentId);
		StudentProgress after = new StudentProgress(studentId, step, reason, (files >= 0) ? files : before.files(),
				(bytes >= 0) ? bytes : before.bytes());
		if (index >= 0) {
			students.set(index, after);
		}
		else {
			students.add(after);
		}
		publish(with(students));
		if (step == StudentStep.FAILED) {
			log.warn("student step classId={} studentId={} operationId={} step={} reason={}", this.current.classId(),
					studentId, this.current.id(), step, reason);
		}
		else {
			log.info("student step classId={} studentId={} operationId={} step={} files={} bytes={} reason={}",
					this.current.classId(), studentId, this.current.id(), step, after.files(), after.bytes(), reason);
		}
	}

	private Operation with(List<StudentProgress> students) {
		Operation c = this.current;
		return new Operation(c.id(), c.kind(), c.classId(), c.sessionId(), c.state(), c.message(), c.requestedBy(),
				c.startedAt(), c.finishedAt(), students, Progress.of(students), c.seq());
	}

	private void publish(Operation next) {
		Operation c = next;
		this.current = new Operation(c.id(), c.kind(), c.classId(), c.sessionId(), c.state(), c.message(),
				c.requestedBy(), c.startedAt(), c.finishedAt(), c.students(), c.progress(), c.seq() + 1);
		this.sink.accept(this.current);
	}

}
