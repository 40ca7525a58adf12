package io.caas.classes.system;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.caas.classes.capacity.HostCapacity;
import io.caas.classes.idle.IdleStops;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.Names;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.session.ClassLocks;
import io.caas.classes.session.ClassSettlement;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.session.ClassStates;
import io.caas.classes.session.NetworkRetention;
import io.caas.classes.session.ResetRecovery;
import io.caas.common.error.CaasException;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Heals what a crash left behind: a class stuck OPENING or CLOSING gets the state its
 * containers tell (any container: OPEN, none: CLOSED) and its operation is marked FAILED
 * ({@code interrupted}); a RUNNING operation no worker owns is marked the same (a
 * student's RESET first heals the class when it had removed the student's runtime:
 * {@link ResetRecovery}); the network of a closed class is removed once no container is
 * on it, unless {@link NetworkRetention} keeps it for the class's next open (and the kept
 * networks past its bound go, oldest class first); Traefik is joined again to the network
 * of every open class (it loses them when it is recreated); the stopped runtimes of an
 * open class are started again (after an engine restart). Runs once when the service is
 * ready, then every {@code caas.reconciler.interval}; a pass that had to leave a class
 * OPENING or CLOSING (its lock still held, its operation young or its heartbeat fresh)
 * looks again once {@code grace} has passed, so a service killed mid-operation is healed
 * about {@code grace} after it is back, not a whole interval later. Skip rules:
 * <ol>
 * <li>{@code busy}: the class lock is held (a worker is running it);</li>
 * <li>{@code settled}: the class left its transient state meanwhile;</li>
 * <li>{@code young}: its operation started less than {@code grace} ago (a worker may be
 * about to take the lock);</li>
 * <li>{@code owner-alive}: its worker beat the operation's heartbeat within
 * {@code grace}, so it still runs even if Redis lost its lock.</li>
 * </ol>
 */
@Component
class Reconciler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final ReconcilerProperties properties;

	private final ClassRoomRepository classes;

	private final OperationService operations;

	private final ClassStates states;

	private final ClassLocks locks;

	private final ClassSettlement settlement;

	private final ContainerRuntime runtime;

	private final TraefikAttachment traefik;

	private final NetworkRetention retention;

	private final MeterRegistry meters;

	private final IdleStops idleStops;

	private final ResetRecovery resets;

	private final HostCapacity capacity;

	private final Clock clock;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("caas-reconciler").daemon().factory());

	private final AtomicBoolean recheckPending = new AtomicBoolean();

	Reconciler(ReconcilerProperties properties, ClassRoomRepository classes, OperationService operations,
			ClassStates states, ClassLocks locks, ClassSettlement settlement, ContainerRuntime runtime,
			TraefikAttachment traefik, MeterRegistry meters, Clock clock, IdleStops idleStops, ResetRecovery resets,
			HostCapacity capacity, NetworkRetention retention) {
		this.retention = retention;
		this.capacity = capacity;
		this.resets = resets;
		this.idleStops = idleStops;
		this.runtime = runtime;
		this.traefik = traefik;
		this.properties = properties;
		this.classes = classes;
		this.operations = operations;
		this.states = states;
		this.locks = locks;
		this.settlement = settlement;
		this.meters = meters;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		reconcileSafely("boot");
		long every = this.properties.interval().toMillis();
		if (every > 0) {
			this.scheduler.scheduleWithFixedDelay(() -> reconcileSafely("interval"), every, every,
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * One pass; answers whether a class had to be left in its transient state (to be
	 * looked at again once the grace has passed).
	 */
	boolean reconcile(String trigger) {
		boolean leftTransient = false;
		for (ClassRoom room : this.classes.findByStateIn(List.of(ClassState.OPENING, ClassState.CLOSING))) {
			leftTransient |= !healClass(room.id(), trigger);
		}
		Map<String, Optional<ClassRoom>> rooms = new HashMap<>();
		for (String network : this.runtime.listNetworks(Labels.managedSelector())) {
			// only classes this service knows: a class deleted meanwhile is left alone
			Optional<Names.StudentNetwork> parsed = Names.parseNetwork(network);
			try {
				Optional<ClassRoom> room = parsed
					.flatMap(n -> rooms.computeIfAbsent(n.classId(), this.classes::findById));
				// a closed class keeps the networks of its enrolled students
				// (NetworkRetention)
				room.filter(r -> r.state() == ClassState.CLOSED)
					.filter(r -> !this.retention.keeps(r, parsed.get().studentId()))
					.ifPresent(r -> sweepNetwork(r.id(), trigger));
				room.filter(r -> r.state() == ClassState.OPEN).ifPresent(r -> this.traefik.ensureAttached(network));
			}
			catch (RuntimeException ex) {
				// a network removed meanwhile (its class closed) must not stop the
				// others' repair
				log.warn("class network not repaired network={} trigger={} reason={}", network, trigger, ex.toString());
			}
		}
		evictKeptNetworksPastTheBound(trigger);
		for (ClassRoom room : this.classes.findByStateIn(List.of(ClassState.OPEN))) {
			startStopped(room.id(), trigger);
		}
		for (Operation operation : this.operations.running()) {
			if (isYoung(operation) || ownerAlive(operation)) {
				continue;
			}
			if (operation.kind() == Transition.RESET && this.locks.resetRunning(operation.classId())) {
				// its worker still holds the reset mark even if its heartbeat writes fail
				count("skipped", "reset-running");
				continue;
			}
			Optional<ClassRoom> room = this.classes.findById(operation.classId());
			boolean owned = room.map(r -> operation.id().equals(r.operationId()) && r.state().isTransient())
				.orElse(false);
			if (!owned) {
				if (!recovered(operation, trigger)) {
					continue;
				}
				if (operation.kind() == Transition.RESET) {
					// its worker is gone (no reset mark, above); its repair open, just
					// requested, may hold the class lock: end it now, or the next pass
					// would
					// request another
					abandon(operation, trigger);
				}
				else {
					abandonOrphan(operation, trigger);
				}
			}
		}
		return leftTransient;
	}

	/**
	 * Ends an operation no class owns, under its class's lock: a worker that still holds
	 * the lock (its heartbeat writes failing) finishes it itself. Two writers of one
	 * operation at once could both succeed on FerretDB, which applies an update by
	 * reading and writing back the whole document.
	 */
	private void abandonOrphan(Operation operation, String trigger) {
		RLock lock = this.locks.of(operation.classId());
		if (!lock.tryLock()) {
			skip(operation.classId(), "busy", trigger);
			return;
		}
		try {
			abandon(operation, trigger);
		}
		finally {
			lock.unlock();
		}
	}

	private void abandon(Operation operation, String trigger) {
		this.operations.abandon(operation, "interrupted");
		count("abandoned", "orphan-operation");
		log.info("operation healed operationId={} classId={} reason=orphan-operation trigger={}", operation.id(),
				operation.classId(), trigger);
	}

	/**
	 * A RESET left by a crash: its student gets a runtime again first (false: not now,
	 * the operation stays RUNNING for the next pass when the heal may start later, or it
	 * is abandoned with the reason when it never can).
	 */
	private boolean recovered(Operation operation, String trigger) {
		try {
			this.resets.recover(operation);
			return true;
		}
		catch (RuntimeException ex) {
			String reason = (ex instanceof CaasException problem) ? problem.code() + ": " + ex.getMessage()
					: ex.toString();
			log.warn("reset not recovered operationId={} classId={} reason={} trigger={}", operation.id(),
					operation.classId(), reason, trigger);
			if (retryable(ex)) {
				count("skipped", "reset-not-recovered");
			}
			else {
				this.operations.abandon(operation, "interrupted; not recovered: " + reason);
				count("abandoned", "reset-not-recoverable");
			}
			return false;
		}
	}

	/**
	 * Busy, capacity or an unavailable dependency: the heal may start on a later pass.
	 */
	static boolean retryable(RuntimeException ex) {
		if (!(ex instanceof CaasException problem)) {
			return true;
		}
		return problem.code().equals("class-busy") || problem.code().startsWith("capacity-")
				|| problem.status().value() == 503;
	}

	/** Whether the class is no longer transient (healed now, or settled meanwhile). */
	private boolean healClass(String classId, String trigger) {
		RLock lock = this.locks.of(classId);
		if (!lock.tryLock()) {
			skip(classId, "busy", trigger);
			return false;
		}
		try {
			ClassRoom room = this.classes.findById(classId).orElse(null);
			if (room == null || !room.state().isTransient()) {
				skip(classId, "settled", trigger);
				return true;
			}
			Optional<Operation> operation = Optional.ofNullable(room.operationId()).flatMap(this.operations::find);
			if ((operation.isEmpty() && claimedRecently(room))
					|| operation.filter(Operation::isRunning).filter(this::isYoung).isPresent()) {
				skip(classId, "young", trigger);
				return false;
			}
			if (operation.filter(Operation::isRunning).filter(this::ownerAlive).isPresent()) {
				skip(classId, "owner-alive", trigger);
				return false;
			}
			ClassState state = this.settlement.settle(classId);
			this.states.heal(classId, room.state(), room.operationId(), state);
			operation.ifPresent(o -> this.operations.abandon(o, "interrupted"));
			// the reservation of an open whose instance crashed
			this.capacity.releaseQuietly(classId, room.operationId());
			count("healed", "interrupted");
			log.info("class healed classId={} from={} to={} operationId={} reason=interrupted trigger={}", classId,
					room.state(), state, room.operationId(), trigger);
			return true;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runtimes of an open class that are not running, e.g. after the engine restarted:
	 * started again with their workspace. Only classes in state OPEN, under their lock,
	 * so a close that stops runtimes to collect them (CLOSING) is never undone.
	 */
	private void startStopped(String classId, String trigger) {
		RLock lock = this.locks.of(classId);
		if (!lock.tryLock()) {
			skip(classId, "busy", trigger);
			return;
		}
		try {
			if (!isOpen(classId)) {
				return;
			}
			for (RuntimeContainer c : this.runtime.list(Labels.classSelector(classId))) {
				boolean stopped = c.state() == RuntimeContainer.State.EXITED
						|| c.state() == RuntimeContainer.State.CREATED;
				// stopped for idleness: its IDE host starts it when someone comes back
				if (stopped && !this.idleStops.isIdleStopped(c)) {
					this.runtime.start(c.id());
					count("started", "stopped-runtime");
					log.info("runtime started classId={} container={} reason=stopped-runtime trigger={}", classId,
							c.name(), trigger);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("runtime not started classId={} reason={} trigger={}", classId, ex.toString(), trigger);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The kept networks of a closed class that the installation's bound has no room for
	 * (NetworkRetention): its next open makes them again.
	 */
	private void evictKeptNetworksPastTheBound(String trigger) {
		List<String> evict;
		try {
			evict = this.retention.classesToEvict();
		}
		catch (RuntimeException ex) {
			log.warn("kept networks not counted trigger={} reason={}", trigger, ex.toString());
			return;
		}
		evict.forEach(classId -> evictNetworks(classId, trigger));
	}

	private void evictNetworks(String classId, String trigger) {
		try {
			whileClosedAndEmpty(classId, trigger, () -> {
				this.traefik.releaseClass(classId);
				count("evicted", "kept-network");
				log.info("class networks evicted classId={} reason=kept-networks-bound trigger={}", classId, trigger);
			});
		}
		catch (RuntimeException ex) {
			log.warn("class networks not evicted classId={} trigger={} reason={}", classId, trigger, ex.toString());
		}
	}

	/**
	 * A closed class with a network it does not keep (NetworkRetention): a student left
	 * its roster, or a removal failed.
	 */
	private void sweepNetwork(String classId, String trigger) {
		whileClosedAndEmpty(classId, trigger, () -> {
			this.settlement.settle(classId);
			count("swept", "orphan-network");
			log.info("class network swept classId={} reason=orphan-network trigger={}", classId, trigger);
		});
	}

	/**
	 * Runs {@code work} under the class's lock if the class is closed and no container of
	 * it is left; a class whose lock is held is skipped this pass.
	 */
	private void whileClosedAndEmpty(String classId, String trigger, Runnable work) {
		RLock lock = this.locks.of(classId);
		if (!lock.tryLock()) {
			skip(classId, "busy", trigger);
			return;
		}
		try {
			if (isClosed(classId) && this.runtime.list(Labels.classSelector(classId)).isEmpty()) {
				work.run();
			}
		}
		finally {
			lock.unlock();
		}
	}

	private boolean isClosed(String classId) {
		return this.classes.findById(classId).map(r -> r.state() == ClassState.CLOSED).orElse(false);
	}

	private boolean isOpen(String classId) {
		return this.classes.findById(classId).map(r -> r.state() == ClassState.OPEN).orElse(false);
	}

	/**
	 * Its worker beat a heartbeat within the grace: alive, even if Redis forgot the lock.
	 */
	private boolean ownerAlive(Operation operation) {
		return this.operations.ownerAliveSince(operation.id(), this.clock.instant().minus(this.properties.grace()));
	}

	/**
	 * The class was claimed within the grace. A transition claims the class before it
	 * writes its operation, so a pass that lands in between finds no operation: without
	 * this it healed a close accepted 29 ms earlier back to OPEN (the close then failed
	 * "superseded before it started"). Asked only when the operation is missing: a
	 * written operation says itself whether it is young.
	 */
	private boolean claimedRecently(ClassRoom room) {
		return room.updatedAt() != null && room.updatedAt().plus(this.properties.grace()).isAfter(this.clock.instant());
	}

	private boolean isYoung(Operation operation) {
		Instant startedAt = (operation.startedAt() != null) ? operation.startedAt() : Instant.EPOCH;
		return startedAt.plus(this.properties.grace()).isAfter(this.clock.instant());
	}

	private void skip(String classId, String reason, String trigger) {
		count("skipped", reason);
		log.debug("class skipped classId={} reason={} trigger={}", classId, reason, trigger);
	}

	private void count(String outcome, String reason) {
		this.meters.counter("caas.reconciler.actions", "outcome", outcome, "reason", reason).increment();
	}

	private void reconcileSafely(String trigger) {
		try {
			if (reconcile(trigger) && this.properties.interval().toMillis() > 0) {
				recheckAfterGrace();
			}
		}
		catch (RuntimeException ex) {
			log.warn("reconcile pass failed trigger={} reason={}", trigger, ex.toString());
		}
	}

	/** At most one pending recheck; the regular interval goes on beside it. */
	private void recheckAfterGrace() {
		if (!this.recheckPending.compareAndSet(false, true)) {
			return;
		}
		long delay = this.properties.grace().toMillis() + 1000;
		this.scheduler.schedule(() -> {
			this.recheckPending.set(false);
			reconcileSafely("recheck");
		}, delay, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
