package io.caas.classes.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.workspace.CollectionProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class CollectionRetryTest {

	private static final Instant FAILED_AT = Instant.parse("2026-11-26T08:00:00Z");

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final OperationService operations = mock(OperationService.class);

	private final SessionService sessions = mock(SessionService.class);

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final ClassRoom room = new ClassRoom("cs101", "Intro", "CS", "codeserver", "teacher1", List.of("s1"),
			ClassState.OPEN, "20261124t231900z-k3x9", "op1", FAILED_AT, 1L);

	private FakeContainerRuntime.Fake kept;

	@BeforeEach
	void failedClose() {
		given(this.classes.findByStateIn(any())).willReturn(List.of(this.room));
		given(this.operations.find("op1")).willReturn(Optional.of(operation(Transition.DOWN, OperationState.FAILED)));
		given(this.sessions.retryDown(any(), any())).willReturn("op2");
		this.kept = this.runtime.run("caas-cs101-s1", Map.of(Labels.MANAGED, "true", Labels.CLASS, "cs101"));
		this.kept.state = RuntimeContainer.State.EXITED;
	}

	@Test
	void scanWhenBackoffElapsedThenClosesAgain() {
		assertThat(retry(Duration.ofSeconds(31)).scan()).containsExactly("cs101");
		verify(this.sessions).retryDown(this.room, CollectionRetry.SYSTEM);
	}

	@Test
	void scanWhenTooSoonThenWaits() {
		assertThat(retry(Duration.ofSeconds(29)).scan()).isEmpty();
	}

	@Test
	void scanBacksOffDoublingAndGivesUpAfterTheLimit() {
		CollectionRetry retry = retry(Duration.ofSeconds(45));
		assertThat(retry.scan()).containsExactly("cs101");
		assertThat(retry.scan()).as("second retry waits 60s").isEmpty();

		CollectionRetry later = retry(Duration.ofHours(1));
		for (int i = 0; i < 5; i++) {
			later.scan();
		}
		assertThat(later.scan()).isEmpty();
		verify(this.sessions, times(6)).retryDown(any(), any());
	}

	@Test
	void scanWhenAnInterruptedCloseLeftRuntimesRunningThenClosesThemToo() {
		this.kept.state = RuntimeContainer.State.RUNNING;

		assertThat(retry(Duration.ofHours(1)).scan()).containsExactly("cs101");
	}

	@Test
	void scanWhenNoRuntimeIsLeftThenNothing() {
		this.runtime.remove(this.kept.id);

		assertThat(retry(Duration.ofHours(1)).scan()).isEmpty();
	}

	@Test
	void scanWhenLastOperationSucceededOrWasAnUpThenNothing() {
		given(this.operations.find("op1")).willReturn(Optional.of(operation(Transition.UP, OperationState.FAILED)));
		assertThat(retry(Duration.ofHours(1)).scan()).isEmpty();
		given(this.operations.find("op1"))
			.willReturn(Optional.of(operation(Transition.DOWN, OperationState.SUCCEEDED)));
		assertThat(retry(Duration.ofHours(1)).scan()).isEmpty();
		verify(this.sessions, never()).retryDown(any(), any());
	}

	private CollectionRetry retry(Duration sinceFailure) {
		Clock clock = Clock.fixed(FAILED_AT.plus(sinceFailure), ZoneOffset.UTC);
		return new CollectionRetry(CollectionProperties.defaults(), this.classes, this.operations, this.runtime,
				this.sessions, clock);
	}

	private static Operation operation(Transition kind, OperationState state) {
		return new Operation("op1", kind, "cs101", "20261124t231900z-k3x9", state, null, "teacher1",
				FAILED_AT.minusSeconds(10), FAILED_AT, List.of(), new Operation.Progress(1, 1), 3);
	}

}
