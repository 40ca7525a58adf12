package io.caas.classes.session;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
 * class lock for the whole run and checks the claim is still its own before touching
 * anything.
 */
@Component
class TransitionRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TransitionRunner.class);

	private final ThreadPoolExecutor workers;

	private final ClassLocks locks;

	private final ClassRoomRepository classes;

	private final ClassStates states;

	private final OperationService operations;

	private final TemplateCatalog templates;

	private final UpClass up;

	private final DownClass down;

	private final ClassSettlement settlement;

	TransitionRunner(OrchestratorProperties properties, ClassLocks locks, ClassRoomRepository classes,
			ClassStates states, OperationService operations, TemplateCatalog templates, UpClass up, DownClass down,
			ClassSettlement settlement) {
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
	}

	/**
	 * Starts the job now or throws
	 * {@link java.util.concurrent.RejectedExecutionException}.
	 */
	void submit(Operation operation) {
		this.workers.execute(() -> run(operation));
	}

	private void run(Operation operation) {
		String classId = operation.classId();
		RLock lock = this.locks.of(classId);
		lock.lock();
		try {
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
							room.students()), tracker);
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
			ClassState state = settle(classId);
			this.states.settle(classId, operation.id(), state);
			tracker.finish(failure);
		}
		finally {
			if (lock.isHeldByCurrentThread()) {
				lock.unlock();
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
		this.workers.shutdown();
		this.workers.awaitTermination(30, TimeUnit.SECONDS);
	}

}
