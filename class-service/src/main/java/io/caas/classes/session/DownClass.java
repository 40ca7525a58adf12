package io.caas.classes.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.caas.classes.operation.OperationTracker;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.template.Template;
import io.caas.classes.workspace.AttemptRetention;
import io.caas.classes.workspace.CollectionProperties;
import io.caas.classes.workspace.Manifest;
import io.caas.classes.workspace.WorkspaceCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Closes a class student by student, in parallel (bounded): stop the runtime so nothing
 * is written after the snapshot, collect the workspace into a new attempt the store has
 * verified, and only then remove the container. A student whose collection fails keeps
 * their (stopped) container; opening the class again starts it. Containers of students no
 * longer on the roster are closed too, so nothing is left unsaved. Network and Traefik
 * are left to {@link ClassSettlement}, which tears them down once no container remains.
 */
@Component
public class DownClass {

	private static final Logger log = LoggerFactory.getLogger(DownClass.class);

	private final ContainerRuntime runtime;

	private final WorkspaceCollector collector;

	private final AttemptRetention retention;

	private final CollectionProperties collection;

	private final ProvisionPermits permits;

	private final int parallelism;

	public DownClass(ContainerRuntime runtime, WorkspaceCollector collector, AttemptRetention retention,
			CollectionProperties collection, ProvisionPermits permits, OrchestratorProperties properties) {
		this.runtime = runtime;
		this.collector = collector;
		this.retention = retention;
		this.collection = collection;
		this.permits = permits;
		this.parallelism = properties.provisionPermits();
	}

	public void run(Plan plan, OperationTracker tracker) {
		Map<String, List<RuntimeContainer>> byStudent = new LinkedHashMap<>();
		for (RuntimeContainer c : this.runtime.list(Labels.classSelector(plan.classId()))) {
			String student = c.label(Labels.STUDENT);
			if (student != null) {
				byStudent.computeIfAbsent(student, s -> new ArrayList<>()).add(c);
			}
		}
		List<String> students = new ArrayList<>(plan.students());
		byStudent.keySet().stream().filter(s -> !students.contains(s)).forEach(students::add);
		tracker.include(students);
		try (ExecutorService workers = Executors.newFixedThreadPool(this.parallelism,
				Thread.ofPlatform().name("caas-down-" + plan.classId() + "-", 0).factory())) {
			for (String student : students) {
				List<RuntimeContainer> containers = byStudent.getOrDefault(student, List.of());
				workers.execute(() -> closeStudent(plan, student, containers, tracker));
			}
		}
	}

	private void closeStudent(Plan plan, String student, List<RuntimeContainer> containers, OperationTracker tracker) {
		if (containers.isEmpty()) {
			tracker.skip(student, "no container");
			return;
		}
		try (ProvisionPermits.Permit permit = this.permits.acquire()) {
			for (RuntimeContainer container : containers) {
				String session = Optional.ofNullable(container.label(Labels.SESSION)).orElse(plan.sessionId());
				Template template = Optional.ofNullable(container.label(Labels.TEMPLATE))
					.flatMap(plan.templates())
					.or(() -> plan.templates().apply(plan.fallbackTemplateId()))
					.orElseThrow(() -> new IllegalStateException("template of " + container.name() + " is unknown"));
				tracker.step(student, StudentStep.COLLECTING);
				Manifest collected = snapshot(plan.classId(), session, student, container, template);
				tracker.uploaded(student, collected.fileCount(), collected.totalBytes());
				tracker.step(student, StudentStep.VERIFIED);
				retain(collected);
				this.runtime.remove(container.id());
			}
			tracker.step(student, StudentStep.REMOVED);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			tracker.fail(student, "interrupted");
		}
		catch (RuntimeException ex) {
			tracker.fail(student, UpClass.reason(ex));
		}
	}

	/**
	 * Stops one runtime, so nothing is written after the snapshot, and collects its
	 * workspace into a new attempt the store has verified. The container is left stopped;
	 * a failure is thrown and nothing is removed.
	 */
	Manifest snapshot(String classId, String sessionId, String studentId, RuntimeContainer container,
			Template template) {
		this.runtime.stop(container.id(), this.collection.stopGrace());
		return this.collector
			.collect(new WorkspaceCollector.Target(classId, sessionId, studentId, container.id(), template));
	}

	void retain(Manifest collected) {
		try {
			this.retention.apply(collected);
		}
		catch (RuntimeException ex) {
			// the new attempt is complete; older ones stay until the next collection
			log.warn("retention skipped classId={} studentId={} reason={}", collected.classId(), collected.studentId(),
					ex.getMessage());
		}
	}

	/**
	 * What to close.
	 *
	 * @param sessionId session to file workspaces under when a container has no session
	 * label
	 * @param templates template lookup by id (the allowlist)
	 * @param fallbackTemplateId the class template, for containers without a template
	 * label
	 */
	public record Plan(String classId, String sessionId, List<String> students,
			Function<String, Optional<Template>> templates, String fallbackTemplateId) {

		public Plan {
			students = List.copyOf(students);
		}

	}

}
