package io.caas.classes.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.caas.classes.capacity.HostCapacity;
import io.caas.classes.idle.IdleStops;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.session.ClassLocks;
import io.caas.classes.session.ClassSettlement;
import io.caas.classes.session.ClassStates;
import io.caas.classes.session.NetworkRetention;
import io.caas.classes.session.ResetRecovery;
import io.caas.classes.support.FakeContainerRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A transition claims its class before it writes its operation: a reconcile pass between
 * the two finds a CLOSING class whose operation does not exist yet, and must leave it
 * alone while the claim is younger than the grace.
 */
class ReconcilerClaimTest {

	private static final Instant NOW = Instant.parse("2026-11-26T16:10:17.208Z");

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final OperationService operations = mock(OperationService.class);

	private final ClassStates states = mock(ClassStates.class);

	private final ClassSettlement settlement = mock(ClassSettlement.class);

	private Reconciler reconciler;

	@BeforeEach
	void setUp() {
		ClassLocks locks = mock(ClassLocks.class);
		RLock lock = mock(RLock.class);
		given(lock.tryLock()).willReturn(true);
		given(locks.of(anyString())).willReturn(lock);
		given(this.operations.find(anyString())).willReturn(Optional.empty());
		given(this.operations.running()).willReturn(List.of());
		given(this.settlement.settle(anyString())).willReturn(ClassState.OPEN);
		this.reconciler = new Reconciler(new ReconcilerProperties(Duration.ofSeconds(60), GRACE), this.classes,
				this.operations, this.states, locks, this.settlement, new FakeContainerRuntime(),
				mock(TraefikAttachment.class), new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC),
				mock(IdleStops.class), mock(ResetRecovery.class), mock(HostCapacity.class),
				mock(NetworkRetention.class));
	}

	@Test
	void closeClaimedMomentsAgoWithoutItsOperationYetIsLeftAlone() {
		closing(NOW.minusMillis(29));
		this.reconciler.reconcile("test");
		verify(this.states, never()).heal(anyString(), any(), any(), any());
		verify(this.settlement, never()).settle(anyString());
	}

	@Test
	void closeClaimedLongerThanTheGraceAgoWithoutAnOperationIsHealed() {
		closing(NOW.minus(GRACE).minusSeconds(1));
		this.reconciler.reconcile("test");
		verify(this.states).heal("bn4c", ClassState.CLOSING, "op-1", ClassState.OPEN);
	}

	@Test
	void closeClaimedMomentsAgoWhoseOperationIsOldAndOwnerlessIsHealed() {
		closing(NOW.minusMillis(29));
		given(this.operations.find("op-1")).willReturn(Optional
			.of(new Operation("op-1", Transition.DOWN, "bn4c", "session-1", OperationState.RUNNING, null, "teacher1",
					NOW.minus(Duration.ofMinutes(10)), null, List.of(), new Operation.Progress(0, 0), 0)));
		this.reconciler.reconcile("test");
		verify(this.states).heal("bn4c", ClassState.CLOSING, "op-1", ClassState.OPEN);
	}

	private void closing(Instant claimedAt) {
		ClassRoom room = new ClassRoom("bn4c", "bench", "cs", "codeserver", "teacher1", List.of("s1"),
				ClassState.CLOSING, "session-1", "op-1", claimedAt, 3L);
		given(this.classes.findByStateIn(any())).willReturn(List.of(room));
		given(this.classes.findById("bn4c")).willReturn(Optional.of(room));
	}

}
