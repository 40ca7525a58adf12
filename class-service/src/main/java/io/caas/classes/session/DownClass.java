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
import io.caas.classes.workspace.UploadedWorkspace;
import io.caas.classes.workspace.WorkspaceCollector;
import io.caas.classes.workspace.WorkspaceKeys;

import org.springframework.stereotype.Component;

/**
 * Closes a class student by student, in parallel (bounded): save the workspace, verify
 * every object, and only then remove the container. A student whose save or verification
 * fails keeps their container. Containers of students no longer on the roster are closed
 * too, so nothing is left unsaved. Network and Traefik are left to
 * {@link ClassSettlement}, which tears them down once no container remains.
 */
@Component
public class DownClass {

	private final ContainerRuntime runtime;

	private final WorkspaceCollector collector;

	private final ProvisionPermits permits;

	private final int parallelism;

	public DownClass(ContainerRuntime runtime, WorkspaceCollector collector, ProvisionPermits permits,
			OrchestratorProperties properties) {
		this.runtime = runtime;
		this.collector = collector;
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
				UploadedWorkspace uploaded = this.collector.upload(container.id(), template.workspacePath(),
						WorkspaceKeys.prefix(plan.classId(), session, student));
				tracker.uploaded(student, uploaded.files().size(), uploaded.bytes());
				this.collector.verify(uploaded);
				tracker.step(student, StudentStep.VERIFIED);
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
