package io.caas.classes.operation;

import java.time.Instant;
import java.util.List;

import io.caas.classes.lifecycle.Transition;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One UP or DOWN of a class, as it progresses student by student. Written by the worker
 * that runs it on every change; {@code seq} grows with each write so readers can order
 * them.
 *
 * @param message why the operation as a whole ended the way it did, when not obvious
 * @param requestedBy username that asked for it
 */
@Document("operations")
public record Operation(@Id String id, Transition kind, String classId, String sessionId, @Indexed OperationState state,
		String message, String requestedBy, Instant startedAt, Instant finishedAt, List<StudentProgress> students,
		Progress progress, long seq) {

	public Operation {
		students = (students != null) ? List.copyOf(students) : List.of();
	}

	public boolean isRunning() {
		return this.state == OperationState.RUNNING;
	}

	/**
	 * One student within the operation.
	 *
	 * @param files files saved (DOWN)
	 * @param bytes bytes saved (DOWN)
	 */
	public record StudentProgress(String studentId, StudentStep state, String reason, int files, long bytes) {

		static StudentProgress pending(String studentId) {
			return new StudentProgress(studentId, StudentStep.PENDING, null, 0, 0);
		}

	}

	/** Students in a final step, out of all students. */
	public record Progress(int done, int total) {

		static Progress of(List<StudentProgress> students) {
			return new Progress((int) students.stream().filter(s -> s.state().isFinal()).count(), students.size());
		}

	}

}
