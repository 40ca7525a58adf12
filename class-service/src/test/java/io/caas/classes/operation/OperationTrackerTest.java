package io.caas.classes.operation;

import java.util.List;

import io.caas.classes.lifecycle.Transition;
import io.caas.classes.support.RecordingTracker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationTrackerTest {

	@Test
	void progressCountsStudentsInAFinalStep() {
		RecordingTracker op = new RecordingTracker(Transition.DOWN, "cs101", "s", List.of("a", "b", "c"));

		op.tracker.step("a", StudentStep.COLLECTING);
		op.tracker.uploaded("a", 3, 42);
		op.tracker.step("a", StudentStep.REMOVED);
		op.tracker.skip("b", "no container");

		assertThat(op.last().progress()).isEqualTo(new Operation.Progress(2, 3));
		assertThat(op.student("a").files()).isEqualTo(3);
		assertThat(op.student("a").bytes()).isEqualTo(42);
		assertThat(op.last().state()).isEqualTo(OperationState.RUNNING);
	}

	@Test
	void finishWhenAllWentWellThenSucceeded() {
		RecordingTracker op = new RecordingTracker(Transition.UP, "cs101", "s", List.of("a"));
		op.tracker.step("a", StudentStep.READY);

		Operation done = op.tracker.finish(null);

		assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
		assertThat(done.finishedAt()).isNotNull();
		assertThat(op.snapshots).last().isEqualTo(done);
	}

	@Test
	void finishWhenAStudentFailedThenFailedWithTheirReason() {
		RecordingTracker op = new RecordingTracker(Transition.UP, "cs101", "s", List.of("a", "b"));
		op.tracker.step("a", StudentStep.READY);
		op.tracker.fail("b", "image not found");

		Operation done = op.tracker.finish(null);

		assertThat(done.state()).isEqualTo(OperationState.FAILED);
		assertThat(done.message()).contains("some students failed");
		assertThat(op.student("b").reason()).isEqualTo("image not found");
	}

	@Test
	void everyChangeIsPublishedWithAGrowingSequence() {
		RecordingTracker op = new RecordingTracker(Transition.UP, "cs101", "s", List.of("a"));

		op.tracker.step("a", StudentStep.CREATING);
		op.tracker.include(List.of("a", "z"));
		op.tracker.include(List.of("z"));
		op.tracker.finish("interrupted");

		assertThat(op.snapshots).extracting(Operation::seq).containsExactly(1L, 2L, 3L);
		assertThat(op.last().students()).extracting(Operation.StudentProgress::studentId).containsExactly("a", "z");
		assertThat(op.last().message()).isEqualTo("interrupted");
	}

}
