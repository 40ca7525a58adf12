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
import io.caas.classes.routing.Names;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ContainerRuntimeException;
import io.caas.classes.session.ClassLocks;
import io.caas.classes.session.ClassSettlement;
import io.caas.classes.session.ClassStates;
import io.caas.classes.session.NetworkRetention;
import io.caas.classes.session.ResetRecovery;
import io.caas.common.error.CaasException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Whether a reconcile pass leaves a class in its transient state, which makes the
 * reconciler look again once the grace has passed (a service killed mid-operation is
 * healed about a grace after it is back, not a whole interval later).
 */
class ReconcilerTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final OperationService operations = mock(OperationService.class);

	private final ClassStates states = mock(ClassStates.class);

	private final ClassLocks locks = mock(ClassLocks.class);

	private final ClassSettlement settlement = mock(ClassSettlement.class);

	private final RLock lock = mock(RLock.class);

	private final ResetRecovery resets = mock(ResetRecovery.class);

	private final ContainerRuntime runtime = mock(ContainerRuntime.class);

	private final TraefikAttachment traefik = mock(TraefikAttachment.class);

	private final NetworkRetention retention = mock(NetworkRetention.class);

	private final Reconciler reconciler = new Reconciler(
			new ReconcilerProperties(Duration.ofSeconds(60), Duration.ofSeconds(30)), this.classes, this.operations,
			this.states, this.locks, this.settlement, this.runtime, this.traefik, new SimpleMeterRegistry(),
			Clock.fixed(NOW, ZoneOffset.UTC), mock(IdleStops.class), this.resets, mock(HostCapacity.class),
			this.retention);

	private final ClassRoom closing = new ClassRoom("cs101", "Intro", "CS", "codeserver", "teacher1", List.of("s1"),
			ClassState.CLOSING, "sess", "op1", NOW.minusSeconds(120), 3L);

	@BeforeEach
	void oneClosingClass() {
		given(this.classes.findByStateIn(anyList())).willReturn(List.of());
		given(this.classes.findByStateIn(List.of(ClassState.OPENING, ClassState.CLOSING)))
			.willReturn(List.of(this.closing));
		given(this.classes.findById("cs101")).willReturn(Optional.of(this.closing));
		given(this.locks.of("cs101")).willReturn(this.lock);
		given(this.settlement.settle("cs101")).willReturn(ClassState.OPEN);
	}

	@Test
	void aNetworkThatCannotBeRepairedDoesNotStopTheRepairOfTheOthers() {
		given(this.lock.tryLock()).willReturn(false);
		String gone = Names.network("caas", "cs201", "s1");
		String kept = Names.network("caas", "cs202", "s1");
		given(this.runtime.listNetworks(any())).willReturn(List.of(gone, kept));
		for (String id : List.of("cs201", "cs202")) {
			given(this.classes.findById(id)).willReturn(Optional.of(new ClassRoom(id, "Intro", "CS", "codeserver",
					"teacher1", List.of("s1"), ClassState.OPEN, "sess", "op", NOW.minusSeconds(120), 3L)));
		}
		willThrow(new ContainerRuntimeException("network " + gone + " not found")).given(this.traefik)
			.ensureAttached(gone);

		this.reconciler.reconcile("test");

		verify(this.traefik).ensureAttached(kept);
	}

	@Test
	void aClosedClassKeepsItsRosterStudentsNetworksAndOnlyAnotherIsSwept() {
		given(this.lock.tryLock()).willReturn(true);
		ClassRoom closed = new ClassRoom("cs301", "Intro", "CS", "codeserver", "teacher1", List.of("s1"),
				ClassState.CLOSED, "sess", "op", NOW.minusSeconds(120), 3L);
		given(this.classes.findById("cs301")).willReturn(Optional.of(closed));
		given(this.locks.of("cs301")).willReturn(this.lock);
		given(this.retention.keeps(closed, "s1")).willReturn(true);
		given(this.runtime.listNetworks(any()))
			.willReturn(List.of(Names.network("caas", "cs301", "s1"), Names.network("caas", "cs301", "s9")));

		this.reconciler.reconcile("test");

		// one sweep, for s9's network: the settlement keeps s1's
		verify(this.settlement, times(1)).settle("cs301");
		verify(this.traefik, never()).ensureAttached(any());
	}

	@Test
	void aClosedClassWhoseNetworksAreAllKeptIsNotTouched() {
		ClassRoom closed = new ClassRoom("cs302", "Intro", "CS", "codeserver", "teacher1", List.of("s1", "s2"),
				ClassState.CLOSED, "sess", "op", NOW.minusSeconds(120), 3L);
		given(this.classes.findById("cs302")).willReturn(Optional.of(closed));
		given(this.retention.keeps(eq(closed), any())).willReturn(true);
		given(this.runtime.listNetworks(any()))
			.willReturn(List.of(Names.network("caas", "cs302", "s1"), Names.network("caas", "cs302", "s2")));

		this.reconciler.reconcile("test");

		verify(this.settlement, never()).settle(any());
		verify(this.locks, never()).of("cs302");
	}

	@Test
	void keptNetworksPastTheBoundAreEvictedUnderTheClassLock() {
		RLock classLock = mock(RLock.class);
		given(classLock.tryLock()).willReturn(true);
		ClassRoom closed = new ClassRoom("cs303", "Intro", "CS", "codeserver", "teacher1", List.of("s1"),
				ClassState.CLOSED, "sess", "op", NOW.minusSeconds(120), 3L);
		given(this.classes.findById("cs303")).willReturn(Optional.of(closed));
		given(this.locks.of("cs303")).willReturn(classLock);
		given(this.retention.classesToEvict()).willReturn(List.of("cs303"));

		this.reconciler.reconcile("test");

		verify(this.traefik).releaseClass("cs303");
		verify(classLock).unlock();
	}

	@Test
	void aClassWhoseLockIsStillHeldIsLookedAtAgain() {
		given(this.lock.tryLock()).willReturn(false);

		assertThat(this.reconciler.reconcile("test")).isTrue();
		verify(this.states, never()).heal(any(), any(), any(), any());
	}

	@Test
	void aClassWhoseWorkerBeatItsHeartbeatWithinTheGraceIsLookedAtAgain() {
		given(this.lock.tryLock()).willReturn(true);
		given(this.operations.find("op1")).willReturn(Optional.of(running(NOW.minusSeconds(120))));
		given(this.operations.ownerAliveSince(eq("op1"), any())).willReturn(true);

		assertThat(this.reconciler.reconcile("test")).isTrue();
		verify(this.states, never()).heal(any(), any(), any(), any());
	}

	@Test
	void aYoungOperationIsLookedAtAgain() {
		given(this.lock.tryLock()).willReturn(true);
		given(this.operations.find("op1")).willReturn(Optional.of(running(NOW.minusSeconds(5))));

		assertThat(this.reconciler.reconcile("test")).isTrue();
	}

	@Test
	void aClassWhoseWorkerIsGoneIsHealedAndNeedsNoSecondLook() {
		given(this.lock.tryLock()).willReturn(true);
		Operation dead = running(NOW.minusSeconds(120));
		given(this.operations.find("op1")).willReturn(Optional.of(dead));
		given(this.operations.ownerAliveSince(eq("op1"), any())).willReturn(false);

		assertThat(this.reconciler.reconcile("test")).isFalse();
		verify(this.states).heal("cs101", ClassState.CLOSING, "op1", ClassState.OPEN);
		verify(this.operations).abandon(dead, "interrupted");
	}

	@Test
	void aResetWhoseWorkerStillHoldsTheResetMarkIsNotAbandoned() {
		Operation reset = reset();
		given(this.operations.running()).willReturn(List.of(reset));
		given(this.locks.resetRunning("cs101")).willReturn(true);

		this.reconciler.reconcile("test");

		verify(this.resets, never()).recover(any());
		verify(this.operations, never()).abandon(eq(reset), any());
	}

	@Test
	void aResetWhoseHealIsBusyStaysForTheNextPass() {
		Operation reset = reset();
		given(this.operations.running()).willReturn(List.of(reset));
		willThrow(CaasException.conflict("class-busy", "busy")).given(this.resets).recover(reset);

		this.reconciler.reconcile("test");

		verify(this.operations, never()).abandon(eq(reset), any());
	}

	@Test
	void aResetWhoseHealCanNeverStartIsAbandonedWithTheReason() {
		Operation reset = reset();
		given(this.operations.running()).willReturn(List.of(reset));
		willThrow(CaasException.conflict("roster-empty", "no students")).given(this.resets).recover(reset);

		this.reconciler.reconcile("test");

		verify(this.operations).abandon(eq(reset), contains("roster-empty: no students"));
	}

	@Test
	void aRecoveredResetIsEndedAtOnceEvenWhileItsRepairOpenHoldsTheClassLock() {
		Operation reset = reset();
		given(this.operations.running()).willReturn(List.of(reset));
		given(this.lock.tryLock()).willReturn(false);

		this.reconciler.reconcile("test");

		verify(this.resets).recover(reset);
		verify(this.operations).abandon(reset, "interrupted");
	}

	@Test
	void anOrphanOperationIsEndedUnderItsClassLockAndLeftWhileTheLockIsHeld() {
		Operation orphan = new Operation("op9", Transition.DOWN, "cs101", "sess", OperationState.RUNNING, null,
				"teacher1", NOW.minusSeconds(120), null, List.of(), null, 1L);
		given(this.operations.running()).willReturn(List.of(orphan));
		given(this.lock.tryLock()).willReturn(false);

		this.reconciler.reconcile("test");
		verify(this.operations, never()).abandon(eq(orphan), any());

		given(this.lock.tryLock()).willReturn(true);
		this.reconciler.reconcile("test");
		verify(this.operations).abandon(orphan, "interrupted");
		verify(this.lock, org.mockito.Mockito.atLeastOnce()).unlock();
	}

	private static Operation reset() {
		return new Operation("r1", Transition.RESET, "cs101", "sess", OperationState.RUNNING, null, "teacher1",
				NOW.minusSeconds(120), null, List.of(), null, 1L);
	}

	private static Operation running(Instant startedAt) {
		return new Operation("op1", Transition.DOWN, "cs101", "sess", OperationState.RUNNING, null, "teacher1",
				startedAt, null, List.of(), null, 1L);
	}

}
