package io.caas.classes.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.caas.classes.claim.ClassClaim;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.roster.Section;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A RESET interrupted by a crash: the class is healed only when the student's runtime was
 * already removed; a runtime still there is never touched.
 */
class ResetRecoveryTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final SessionService sessions = mock(SessionService.class);

	private final RLock lock = mock(RLock.class);

	private final OperationService operations = mock(OperationService.class);

	private final ResetRecovery recovery = new ResetRecovery(this.classes, this.runtime, this.sessions, locks(),
			this.operations);

	@Test
	void carryOverInterruptedWhileCreatingRemovesTheUnrestoredRuntimeAndHeals() {
		ClassRoom room = room(ClassState.OPEN, true);
		runtimeOf("s1");

		this.recovery.recover(reset("s1", StudentStep.CREATING));

		assertThat(this.runtime.byName("caas-cs101-s1")).isEmpty();
		verify(this.sessions).requestAutomatically(eq(room), any(), eq(Transition.UP),
				startsWith("healing the class after the interrupted reset of s1"));
	}

	@Test
	void carryOverInterruptedWhileCreatingKeepsTheRuntimeWhenALaterOperationRan() {
		room(ClassState.OPEN, true);
		runtimeOf("s1");
		given(this.operations.anyStartedAfter(eq("cs101"), any())).willReturn(true);

		this.recovery.recover(reset("s1", StudentStep.CREATING));

		assertThat(this.runtime.byName("caas-cs101-s1")).isPresent();
		verify(this.sessions, never()).requestAutomatically(any(), any(), any(), anyString());
	}

	@Test
	void interruptedAfterTheRuntimeWasRemovedHealsTheOpenClass() {
		ClassRoom room = room(ClassState.OPEN);

		this.recovery.recover(reset("s1"));

		verify(this.sessions).requestAutomatically(eq(room), any(), eq(Transition.UP),
				startsWith("healing the class after the interrupted reset of s1"));
	}

	@Test
	void interruptedBeforeTheRuntimeWasRemovedLeavesItAlone() {
		room(ClassState.OPEN);
		runtimeOf("s1");

		this.recovery.recover(reset("s1"));

		verify(this.sessions, never()).requestAutomatically(any(), any(), any(), anyString());
	}

	@Test
	void aClassNoLongerOpenOrAnotherKindOfOperationIsLeftAlone() {
		room(ClassState.CLOSED);
		this.recovery.recover(reset("s1"));
		room(ClassState.OPEN);
		Operation up = reset("s1");
		this.recovery.recover(new Operation(up.id(), Transition.UP, up.classId(), up.sessionId(), up.state(), null,
				up.requestedBy(), up.startedAt(), null, up.students(), up.progress(), 0));

		verify(this.sessions, never()).requestAutomatically(any(), any(), any(), anyString());
	}

	private void runtimeOf(String student) {
		StudentSpecs specs = new StudentSpecs(Fixtures.urls(), Fixtures.installation());
		this.runtime.ensureNetwork(specs.network("cs101", student, Fixtures.codeserver()));
		this.runtime.createAndStart(specs.container("cs101", student, SESSION, Fixtures.codeserver()));
	}

	private ClassLocks locks() {
		RedissonClient redisson = mock(RedissonClient.class);
		given(redisson.getLock(any(String.class))).willReturn(this.lock);
		given(this.lock.tryLock()).willReturn(true);
		return new ClassLocks(redisson, new ClassClaim(redisson));
	}

	private ClassRoom room(ClassState state) {
		return room(state, false);
	}

	private ClassRoom room(ClassState state, boolean carryOver) {
		ClassRoom room = new ClassRoom("cs101", "Intro", "CS", "codeserver", "teacher1", List.of("s1", "s2"), state,
				SESSION, "op", Instant.EPOCH, 1L, new Section(null, false, null, carryOver));
		given(this.classes.findById("cs101")).willReturn(Optional.of(room));
		return room;
	}

	private static Operation reset(String student) {
		return reset(student, StudentStep.VERIFIED);
	}

	private static Operation reset(String student, StudentStep step) {
		return new Operation("crash1", Transition.RESET, "cs101", SESSION, OperationState.RUNNING, null, "teacher1",
				Instant.EPOCH, null, List.of(new Operation.StudentProgress(student, step, null, 1, 10)),
				new Operation.Progress(0, 1), 3);
	}

}
