package io.caas.classes.support;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.caas.classes.operation.Operation;
import io.caas.classes.operation.Operation.Progress;
import io.caas.classes.operation.Operation.StudentProgress;
import io.caas.classes.operation.OperationState;
import io.caas.classes.operation.OperationTracker;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.lifecycle.Transition;

/** A tracker whose every snapshot is kept, in the order it was published. */
public final class RecordingTracker {

	public final List<Operation> snapshots = new CopyOnWriteArrayList<>();

	public final OperationTracker tracker;

	private final Operation initial;

	public RecordingTracker(Transition kind, String classId, String sessionId, List<String> students) {
		List<StudentProgress> pending = students.stream()
			.map(s -> new StudentProgress(s, StudentStep.PENDING, null, 0, 0))
			.toList();
		Operation initial = new Operation("op1", kind, classId, sessionId, OperationState.RUNNING, null, "teacher1",
				Instant.EPOCH, null, pending, new Progress(0, pending.size()), 0);
		this.initial = initial;
		this.tracker = new OperationTracker(initial, Clock.systemUTC(), this.snapshots::add);
	}

	public Operation last() {
		return this.tracker.snapshot();
	}

	public StudentProgress student(String id) {
		return last().students().stream().filter(s -> s.studentId().equals(id)).findFirst().orElseThrow();
	}

	/** The steps one student went through from the start, in order, without repeats. */
	public List<StudentStep> stepsOf(String id) {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(this.initial), this.snapshots.stream())
			.flatMap(o -> o.students().stream())
			.filter(s -> s.studentId().equals(id))
			.map(StudentProgress::state)
			.distinct()
			.toList();
	}

}
