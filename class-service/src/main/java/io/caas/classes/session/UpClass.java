package io.caas.classes.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.caas.classes.operation.OperationTracker;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.Names;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.template.Template;

import org.springframework.stereotype.Component;

/**
 * Opens a class: its network, Traefik on it, then every student's container in parallel
 * (bounded by the provision permits) until healthy. Idempotent, so it also heals an open
 * class: existing containers are kept (a workspace lives in its container) and started if
 * stopped. A student that fails does not stop the others.
 */
@Component
public class UpClass {

	private final ContainerRuntime runtime;

	private final TraefikAttachment traefik;

	private final StudentSpecs specs;

	private final ProvisionPermits permits;

	private final int parallelism;

	private final Duration healthTimeout;

	public UpClass(ContainerRuntime runtime, TraefikAttachment traefik, StudentSpecs specs, ProvisionPermits permits,
			OrchestratorProperties properties) {
		this.runtime = runtime;
		this.traefik = traefik;
		this.specs = specs;
		this.permits = permits;
		this.parallelism = properties.provisionPermits();
		this.healthTimeout = properties.healthTimeout();
	}

	public void run(Plan plan, OperationTracker tracker) {
		this.runtime.ensureNetwork(this.specs.network(plan.classId(), plan.sessionId()));
		this.traefik.attach(Names.network(plan.classId()));
		try (ExecutorService workers = Executors.newFixedThreadPool(this.parallelism,
				Thread.ofPlatform().name("caas-up-" + plan.classId() + "-", 0).factory())) {
			for (String student : plan.students()) {
				workers.execute(() -> openStudent(plan, student, tracker));
			}
		}
	}

	private void openStudent(Plan plan, String student, OperationTracker tracker) {
		try (ProvisionPermits.Permit permit = this.permits.acquire()) {
			tracker.step(student, StudentStep.CREATING);
			RuntimeContainer container = this.runtime
				.createAndStart(this.specs.container(plan.classId(), student, plan.sessionId(), plan.template()));
			tracker.step(student, StudentStep.STARTING);
			this.runtime.awaitHealthy(container.id(), this.healthTimeout);
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

	static String reason(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/** What to open: the session's students on the class template. */
	public record Plan(String classId, String sessionId, Template template, List<String> students) {

		public Plan {
			students = List.copyOf(students);
		}

	}

}
