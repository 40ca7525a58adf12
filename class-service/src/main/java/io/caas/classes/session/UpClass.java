package io.caas.classes.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.caas.classes.operation.OperationTracker;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.IdeProbe;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ContainerRuntimeException;
import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.runtime.RuntimeSpec;
import io.caas.classes.template.EditorSettingsInstaller;
import io.caas.classes.template.Template;
import io.caas.classes.workspace.WorkspaceRestorer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Opens a class: for every student in parallel, their own network with Traefik on it and
 * their runtime (engine work bounded by the provision permits), then the wait until the
 * IDE answers through the edge, which needs no permit: runtimes boot together, as fast as
 * the host allows. Only an IDE that answers by its hostname is READY. Idempotent, so it
 * also heals an open class: existing containers are kept (a workspace lives in its
 * container) and started if stopped. With carry-over, a student's new container gets
 * their latest submission of the class before they can be READY; a restore that fails
 * fails the student with the reason. A student that fails does not stop the others.
 */
@Component
public class UpClass {

	private static final long EXIT_CHECK_NANOS = 5_000_000_000L;

	private static final long MAX_PROBE_MILLIS = 2_000;

	private final ContainerRuntime runtime;

	private final TraefikAttachment traefik;

	private final StudentSpecs specs;

	private final ProvisionPermits permits;

	private final IdeProbe probe;

	private final Duration healthTimeout;

	private final Duration probeInterval;

	private final WorkspaceRestorer restorer;

	private final EditorSettingsInstaller editor;

	public UpClass(ContainerRuntime runtime, TraefikAttachment traefik, StudentSpecs specs, ProvisionPermits permits,
			IdeProbe probe, OrchestratorProperties properties) {
		this(runtime, traefik, specs, permits, probe, properties, null, null);
	}

	@Autowired
	public UpClass(ContainerRuntime runtime, TraefikAttachment traefik, StudentSpecs specs, ProvisionPermits permits,
			IdeProbe probe, OrchestratorProperties properties, WorkspaceRestorer restorer,
			EditorSettingsInstaller editor) {
		this.restorer = restorer;
		this.editor = editor;
		this.runtime = runtime;
		this.traefik = traefik;
		this.specs = specs;
		this.permits = permits;
		this.probe = probe;
		this.healthTimeout = properties.healthTimeout();
		this.probeInterval = properties.healthInterval();
	}

	public void run(Plan plan, OperationTracker tracker) {
		EditorSettingsInstaller.Settings settings;
		try {
			settings = (this.editor != null) ? this.editor.prepare(plan.template())
					: EditorSettingsInstaller.Settings.NONE;
		}
		catch (RuntimeException ex) {
			plan.students().forEach(student -> tracker.fail(student, reason(ex)));
			return;
		}
		TraefikAttachment.Attacher attachTraefik = this.traefik.attacher();
		try (ExecutorService workers = Executors
			.newThreadPerTaskExecutor(Thread.ofVirtual().name("caas-up-" + plan.classId() + "-", 0).factory())) {
			for (String student : plan.students()) {
				workers.execute(() -> openStudent(plan, student, settings, attachTraefik, tracker));
			}
		}
	}

	private void openStudent(Plan plan, String student, EditorSettingsInstaller.Settings settings,
			TraefikAttachment.Attacher attachTraefik, OperationTracker tracker) {
		try {
			RuntimeContainer container;
			try (ProvisionPermits.Permit permit = this.permits.acquire()) {
				tracker.step(student, StudentStep.CREATING);
				NetworkSpec network = this.specs.network(plan.classId(), student, plan.template());
				attachTraefik.attach(network.name(), this.runtime.ensureNetwork(network));
				RuntimeSpec spec = this.specs.container(plan.classId(), student, plan.sessionId(), plan.template());
				boolean created = this.runtime.inspect(spec.name()).isEmpty();
				container = this.runtime.createAndStart(spec);
				if (plan.carryOver() && created) {
					carryOver(plan, student, container);
				}
				if (this.editor != null) {
					// a carry-over restore may bring the student's own settings file back
					this.editor.install(settings, container.id(), created && !plan.carryOver());
				}
			}
			tracker.step(student, StudentStep.STARTING);
			awaitReady(plan.classId(), student, container);
			tracker.step(student, StudentStep.READY);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			tracker.fail(student, "interrupted");
		}
		catch (RuntimeException ex) {
			tracker.fail(student, reason(ex));
		}
	}

	/**
	 * Waits until the started runtime's IDE answers through the edge (READY), within the
	 * health timeout; a student's reset waits the same way.
	 */
	void awaitReady(String classId, String student, String containerId) throws InterruptedException {
		long deadline = System.nanoTime() + this.healthTimeout.toNanos();
		this.runtime.awaitHealthy(containerId, this.healthTimeout);
		awaitAnswering(classId, student, containerId, deadline);
	}

	/**
	 * The same for a runtime just started and inspected: one that runs without an engine
	 * healthcheck (every CaaS runtime) is not asked again before the first probe.
	 */
	private void awaitReady(String classId, String student, RuntimeContainer started) throws InterruptedException {
		if (started.state() != RuntimeContainer.State.RUNNING || started.health() != RuntimeContainer.Health.NONE) {
			awaitReady(classId, student, started.id());
			return;
		}
		awaitAnswering(classId, student, started.id(), System.nanoTime() + this.healthTimeout.toNanos());
	}

	/**
	 * Probes through the edge, first after {@code probeInterval}, then a quarter less
	 * often each time up to {@link #MAX_PROBE_MILLIS}; asks the engine whether the
	 * runtime died only every {@link #EXIT_CHECK_NANOS}. A class of 40 booting IDEs
	 * otherwise sends Traefik and the gateway 160 probes and the engine 160 inspects a
	 * second, on the CPU the runtimes need to boot. A runtime that answers within a few
	 * seconds (a quiet host) is READY within a few hundred milliseconds of it; one that
	 * boots for half a minute beside 39 others is probed every 2 s (session 10: every
	 * probe costs Traefik, and class-service's page while the host is not routed yet).
	 * READY is at most one interval late; when the IDE really answers depends only on
	 * Traefik and the runtime, and the student's starting page reloads into the IDE on
	 * its own.
	 */
	private void awaitAnswering(String classId, String student, String containerId, long deadline)
			throws InterruptedException {
		long nextExitCheck = System.nanoTime() + EXIT_CHECK_NANOS;
		long sleepMillis = this.probeInterval.toMillis();
		while (!this.probe.answers(classId, student)) {
			long now = System.nanoTime();
			if (now > deadline) {
				throw new ContainerRuntimeException(
						"IDE did not answer through the edge within " + this.healthTimeout.toSeconds() + "s");
			}
			if (now >= nextExitCheck) {
				nextExitCheck = now + EXIT_CHECK_NANOS;
				RuntimeContainer c = this.runtime.inspect(containerId)
					.orElseThrow(() -> new ContainerRuntimeException("container removed"));
				if (c.state() == RuntimeContainer.State.EXITED || c.state() == RuntimeContainer.State.DEAD) {
					throw new ContainerRuntimeException("container exited with code " + c.exitCode());
				}
			}
			Thread.sleep(sleepMillis);
			sleepMillis = Math.max(sleepMillis, Math.min(MAX_PROBE_MILLIS, sleepMillis * 5 / 4));
		}
	}

	/**
	 * Restores the student's latest submission into a new workspace; an existing
	 * container keeps its own work. A failed restore removes the new container, so the
	 * next open restores again.
	 */
	private void carryOver(Plan plan, String student, RuntimeContainer container) {
		try {
			if (this.restorer == null) {
				throw new IllegalStateException("carry-over is not available in this orchestrator");
			}
			this.restorer.restoreLatest(plan.classId(), student, container.id(), plan.template());
		}
		catch (RuntimeException ex) {
			// Never leave a half-restored runtime: the next open would keep it, and its
			// close would store an empty workspace as the latest attempt.
			this.runtime.remove(container.id());
			throw ex;
		}
	}

	static String reason(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * What to open: the session's students on the class template.
	 *
	 * @param carryOver whether a new workspace starts from the student's latest
	 * submission of the class
	 */
	public record Plan(String classId, String sessionId, Template template, List<String> students, boolean carryOver) {

		public Plan {
			students = List.copyOf(students);
		}

		public Plan(String classId, String sessionId, Template template, List<String> students) {
			this(classId, sessionId, template, students, false);
		}

	}

}
