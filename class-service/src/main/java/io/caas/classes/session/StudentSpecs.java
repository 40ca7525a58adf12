package io.caas.classes.session;

import java.util.List;
import java.util.Map;

import io.caas.classes.routing.IdeUrls;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.Names;
import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.runtime.RuntimeSpec;
import io.caas.classes.runtime.RuntimeSpec.HealthCheckSpec;
import io.caas.classes.template.Template;

import org.springframework.stereotype.Component;

/** Turns a template and ids into exactly what the engine gets for a student. */
@Component
public class StudentSpecs {

	private final IdeUrls urls;

	private final OrchestratorProperties properties;

	public StudentSpecs(IdeUrls urls, OrchestratorProperties properties) {
		this.urls = urls;
		this.properties = properties;
	}

	public NetworkSpec network(String classId, String sessionId) {
		return new NetworkSpec(Names.network(classId), Labels.network(classId, sessionId));
	}

	public RuntimeSpec container(String classId, String studentId, String sessionId, Template template) {
		String probe = "http://127.0.0.1:" + template.port() + this.properties.healthPath();
		HealthCheckSpec health = new HealthCheckSpec(List.of("CMD", "curl", "-fsS", "-o", "/dev/null", probe),
				this.properties.healthInterval(), this.properties.healthInterval().multipliedBy(3),
				this.properties.healthRetries());
		return new RuntimeSpec(template.image(), Names.container(classId, studentId), studentId,
				Labels.container(this.urls.route(classId, studentId, template.port()), sessionId, template.id()),
				Names.network(classId),
				Map.of("CAAS_CLASS_ID", classId, "CAAS_STUDENT_ID", studentId, "CAAS_SESSION_ID", sessionId),
				template.user(), template.workspacePath(), template.memoryBytes(), template.memoryBytes(),
				template.nanoCpus(), template.pidsLimit(), List.of("ALL"), List.of("no-new-privileges"), true, health);
	}

}
