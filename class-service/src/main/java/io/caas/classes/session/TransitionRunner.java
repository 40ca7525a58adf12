package io.caas.classes.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.caas.classes.capacity.HostCapacity;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationTracker;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.template.TemplateCatalog;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs claimed transitions in the background. Workers take jobs at once or refuse them
 * (no queue), so a claimed class is never left waiting unowned; the worker then holds the
 * class lock for the whole run, checks the claim is still its own before touching
 * anything, and beats a heartbeat on its operation so the reconciler knows its owner is
 * alive even if Redis forgot the lock. A worker that cannot take the lock (Redis down)
 * hands the class back in the state its containers tell and fails the operation with the
 * reason.
 */
@Component
class TransitionRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TransitionRunner.class);

	private static final long LOCK_WAIT_SECONDS = 30;

	private static final long HEARTBEAT_SECONDS = 5;

	private final ThreadPoolExecutor workers;

	private final ScheduledExecutorService heartbeats = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("caas-heartbeat").daemon().factory());

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private final ClassLocks locks;

	private final ClassRoomRepository classes;

	private final ClassStates states;

	private final OperationService operations;

	private final TemplateCatalog templates;

	private final UpClass up;

	private final DownClass down;

	private final ClassSettlement settlement;

	private final HostCapacity capacity;

	TransitionRunner(OrchestratorProperties properties, ClassLocks locks, ClassRoomRepository classes,
			ClassStates states, OperationService operations, TemplateCatalog templates, UpClass up, DownClass down,
			ClassSettlement settlement, HostCapacity capacity) {
		this.capacity = capacity;
		int size = properties.transitionWorkers();
		this.workers = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				Thread.ofPlatform().name("caas-transition-", 0).factory(), new ThreadPoolExecutor.AbortPolicy());
		this.locks = locks;
		this.classes = classes;
		this.states = states;
		this.operations = operations;
		this.templates = templates;
		this.up = up;
		this.down = down;
		this.settlement = settlement;
		this.heartbeats.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
	}

	/**
	 * Starts the job now or throws
	 * {@link java.util.concurrent.RejectedExecutionException}.
	 */
	void submit(Operation operation) {
		this.workers.execute(() -> run(operation));
	}

	/**
	 * Runs a job that is not a class transition (a student's reset) on a worker now, or
	 * throws {@link java.util.concurrent.RejectedExecutionException}.
	 */
	void execute(Runnable job) {
		this.workers.execute(job);
	}

	/**
	 * Beats the heartbeat of an operation run by the calling job until the handle is
	 * closed, so the reconciler leaves it alone.
	 */
	Beat heartbeat(String operationId) {
		this.running.add(operationId);
		return () -> this.running.remove(operationId);
	}

	/** A heartbeat kept; closing stops it. */
	interface Beat extends AutoCloseable {

		@Override
		void close();

	}

	private void run(Operation operation) {
		String classId = operation.classId();
		RLock lock = null;
		this.running.add(operation.id());
		try {
			lock = this.locks.of(classId);
			if (!lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
				giveBack(operation, "the class lock stayed taken for " + LOCK_WAIT_SECONDS + "s");
				return;
			}
			runLocked(operation, lock);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			giveBack(operation, "interrupted before it started");
		}
		catch (RuntimeException ex) {
			if (lock == null || !lock.isHeldByCurrentThread()) {
				giveBack(operation, "cannot take the class lock (Redis unavailable): " + UpClass.reason(ex));
			}
			else {
				log.error("transition failed classId={} operationId={} reason={}", classId, operation.id(),
						UpClass.reason(ex), ex);
			}
		}
		finally {
			this.running.remove(operation.id());
			// an UP's reservation ends with it (never another open's)
			this.capacity.releaseQuietly(classId, operation.id());
			unlockQuietly(lock);
		}
	}

	private void runLocked(Operation operation, RLock lock) {
		String classId = operation.classId();
		ClassRoom room = this.classes.findById(classId).orElse(null);
		if (room == null || !operation.id().equals(room.operationId())
				|| room.state() != operation.kind().transientState()) {
			this.operations.abandon(operation, "superseded before it started");
			return;
		}
		OperationTracker tracker = this.operations.track(operation);
		String failure = null;
		try {
			if (operation.kind() == Transition.UP) {
				this.up.run(new UpClass.Plan(classId, room.sessionId(), this.templates.require(room.templateId()),
						room.students(), room.section().carryOver()), tracker);
			}
			else {
				this.down.run(new DownClass.Plan(classId, room.sessionId(), room.students(), this.templates::find,
						room.templateId()), tracker);
			}
		}
		catch (RuntimeException ex) {
			failure = UpClass.reason(ex);
			log.error("transition failed classId={} operationId={} kind={} reason={}", classId, operation.id(),
					operation.kind(), failure, ex);
		}
		if (failure == null && !stillHeld(lock)) {
			failure = "lost the class lock while running (Redis unavailable or restarted); the class state was "
					+ "read again from the engine";
		}
		ClassState state = settle(classId);
		this.states.settle(classId, operation.id(), state);
		tracker.finish(failure);
	}

	/** Hands a claimed class back, as its containers tell, and fails the operation. */
	private void giveBack(Operation operation, String reason) {
		log.warn("transition not started classId={} operationId={} reason={}", operation.classId(), operation.id(),
				reason);
		this.states.settle(operation.classId(), operation.id(), settle(operation.classId()));
		this.operations.abandon(operation, reason);
	}

	private static boolean stillHeld(RLock lock) {
		try {
			return lock.isHeldByCurrentThread();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static void unlockQuietly(RLock lock) {
		try {
			if (lock != null && lock.isHeldByCurrentThread()) {
				lock.unlock();
			}
		}
		catch (RuntimeException ex) {
			// Redis is gone or forgot the lock; its lease ends it either way
			log.warn("class lock not released reason={}", ex.toString());
		}
	}

	private void beat() {
		for (String operationId : this.running) {
			try {
				this.operations.heartbeat(operationId);
			}
			catch (RuntimeException ex) {
				log.warn("heartbeat not recorded operationId={} reason={}", operationId, ex.toString());
			}
		}
	}

	private ClassState settle(String classId) {
		try {
			return this.settlement.settle(classId);
		}
		catch (RuntimeException ex) {
			// the engine cannot tell; OPEN keeps the class closable, CLOSED could hide
			// containers
			log.warn("class state unknown classId={} reason={}", classId, ex.toString());
			return ClassState.OPEN;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.heartbeats.shutdownNow();
		this.workers.shutdown();
		this.workers.awaitTermination(30, TimeUnit.SECONDS);
	}

}
