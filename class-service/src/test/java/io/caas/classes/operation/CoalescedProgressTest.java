package io.caas.classes.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.caas.classes.lifecycle.Transition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CoalescedProgressTest {

	private final List<Operation> written = new CopyOnWriteArrayList<>();

	@Test
	void manyStepsWithinAnIntervalAreOneWriteOfTheNewest() {
		CoalescedProgress progress = new CoalescedProgress(this.written::add, Duration.ofMillis(200));

		for (int seq = 1; seq <= 40; seq++) {
			progress.accept(operation(OperationState.RUNNING, seq));
		}

		await().atMost(Duration.ofSeconds(5)).until(() -> !this.written.isEmpty());
		assertThat(this.written).first().extracting(Operation::seq).isEqualTo(40L);
		assertThat(this.written).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void aStepAfterAWriteIsWrittenToo() {
		CoalescedProgress progress = new CoalescedProgress(this.written::add, Duration.ofMillis(50));
		progress.accept(operation(OperationState.RUNNING, 1));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.written.size() == 1);

		progress.accept(operation(OperationState.RUNNING, 2));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.written.size() == 2);
		assertThat(this.written).extracting(Operation::seq).containsExactly(1L, 2L);
	}

	@Test
	void theEndIsWrittenAtOnceAndWhatWasPendingNever() throws InterruptedException {
		CoalescedProgress progress = new CoalescedProgress(this.written::add, Duration.ofMillis(300));
		progress.accept(operation(OperationState.RUNNING, 1));

		progress.accept(operation(OperationState.SUCCEEDED, 2));

		assertThat(this.written).extracting(Operation::state).containsExactly(OperationState.SUCCEEDED);
		Thread.sleep(600);
		assertThat(this.written).extracting(Operation::seq).containsExactly(2L);
	}

	private static Operation operation(OperationState state, long seq) {
		List<Operation.StudentProgress> students = List.of(Operation.StudentProgress.pending("s1"));
		return new Operation("op", Transition.UP, "cs101", "session", state, null, "teacher1", Instant.EPOCH,
				state == OperationState.RUNNING ? null : Instant.EPOCH, students, Operation.Progress.of(students), seq);
	}

}
