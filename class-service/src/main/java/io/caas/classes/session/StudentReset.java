package io.caas.classes.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Accepts one student's reset as an operation of kind RESET. A transition worker takes
 * the class lock, validates (the class is OPEN, the student has a runtime or is on the
 * roster, the template's IDE settings can be prepared) and records the operation; only
 * then does the request answer with its id, so every refusal is still the request's own
 * 4xx. The worker then runs {@link ResetJob} holding the class lock and the reset mark
 * the whole time: restart, another reset, open and close of the class answer 409
 * {@code class-busy} meanwhile.
 */
@Service
class StudentReset {

	private static final Logger log = LoggerFactory.getLogger(StudentReset.class);

	private static final long ACCEPT_SECONDS = 30;

	private final ClassAccess access;

	private final ClassLocks locks;

	private final ContainerRuntime runtime;

	private final TemplateCatalog templates;

	private final OperationService operations;

	private final TransitionRunner runner;

	private final ResetJob job;

	StudentReset(ClassAccess access, ClassLocks locks, ContainerRuntime runtime, TemplateCatalog templates,
			OperationService operations, TransitionRunner runner, ResetJob job) {
		this.access = access;
		this.locks = locks;
		this.runtime = runtime;
		this.templates = templates;
		this.operations = operations;
		this.runner = runner;
		this.job = job;
	}

	/** The id of the RESET operation, once it is recorded, or the problem why not. */
	String reset(Identity who, String classId, String studentId) {
		OpenClassGuard.requireOpen(this.access.manageable(who, classId));
		CompletableFuture<String> accepted = new CompletableFuture<>();
		try {
			this.runner.execute(() -> work(who, classId, studentId, accepted));
		}
		catch (RejectedExecutionException ex) {
			throw new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "orchestrator-busy",
					"too many classes are opening, closing or resetting right now; try again shortly");
		}
		try {
			return accepted.get(ACCEPT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unlessAccepted(accepted,
					() -> CaasException.conflict("class-busy", "interrupted before the reset started"));
		}
		catch (TimeoutException ex) {
			return unlessAccepted(accepted, () -> new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "orchestrator-busy",
					"the reset did not start within " + ACCEPT_SECONDS + "s; nothing was changed, try again"));
		}
	}

	/**
	 * Gives up waiting, unless the worker settled the reset just after the wait ended: an
	 * accepted reset runs, so its id is the answer (or its refusal the problem).
	 */
	static String unlessAccepted(CompletableFuture<String> accepted, Supplier<CaasException> refusal) {
		if (accepted.cancel(false)) {
			throw refusal.get();
		}
		try {
			return accepted.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private void work(Identity who, String classId, String studentId, CompletableFuture<String> accepted) {
		RLock lock;
		try {
			lock = OpenClassGuard.lockNow(this.locks, classId);
		}
		catch (RuntimeException ex) {
			accepted.completeExceptionally(ex);
			return;
		}
		RLock mark = this.locks.resetMark(classId);
		try {
			ResetJob.Plan plan = validate(who, classId, studentId);
			this.locks.claiming(classId, () -> markOpen(who, classId, mark));
			Operation operation = this.operations.start(OperationService.newId(), Transition.RESET, classId,
					plan.room().sessionId(), List.of(studentId), who.username());
			if (!accepted.complete(operation.id())) {
				this.operations.abandon(operation, "the request gave up before the reset started");
				return;
			}
			log.info("reset accepted classId={} studentId={} operationId={} by={}", classId, studentId, operation.id(),
					who.username());
			try (TransitionRunner.Beat beat = this.runner.heartbeat(operation.id())) {
				this.job.run(plan, this.operations.track(operation), () -> stillHeld(lock));
			}
		}
		catch (RuntimeException ex) {
			if (!accepted.completeExceptionally(ex)) {
				log.error("reset failed classId={} studentId={} reason={}", classId, studentId, UpClass.reason(ex), ex);
			}
		}
		finally {
			unlockQuietly(mark);
			unlockQuietly(lock);
		}
	}

	private ResetJob.Plan validate(Identity who, String classId, String studentId) {
		ClassRoom room = this.access.manageable(who, classId);
		OpenClassGuard.requireOpen(room);
		List<RuntimeContainer> containers = this.runtime.list(Labels.studentSelector(classId, studentId));
		boolean carryOver = room.section().carryOver() && this.job.canCarryOver();
		if (containers.isEmpty() && !room.students().contains(studentId)) {
			throw CaasException.notFound("runtime of student", studentId);
		}
		Template template = this.templates.require(room.templateId());
		return new ResetJob.Plan(room, studentId, template, containers, carryOver, this.job.prepareEditor(template));
	}

	/**
	 * Under the claim lock, so an open or close claimed meanwhile is seen here (and this
	 * mark there).
	 */
	private boolean markOpen(Identity who, String classId, RLock mark) {
		OpenClassGuard.requireOpen(this.access.manageable(who, classId));
		if (!mark.tryLock()) {
			throw CaasException.conflict("class-busy", "class '" + classId + "' is being reset; try again shortly");
		}
		return true;
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
			if (lock.isHeldByCurrentThread()) {
				lock.unlock();
			}
		}
		catch (RuntimeException ex) {
			// Redis is gone or forgot the lock; its lease ends it either way
			log.warn("reset lock not released reason={}", ex.toString());
		}
	}

}
