package io.caas.classes.session;

import java.util.List;
import java.util.Map;

import io.caas.classes.installation.Installation;
import io.caas.classes.routing.IdeUrls;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.Names;
import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.runtime.RuntimeSpec;
import io.caas.classes.template.Template;

import org.springframework.stereotype.Component;

/**
 * Turns a template and ids into exactly what the engine gets for a student: a network of
 * their own (only their runtime and Traefik on it, so classmates cannot reach each other;
 * internal when the template has no internet egress) and the runtime.
 */
@Component
public class StudentSpecs {

	private final IdeUrls urls;

	private final Installation installation;

	public StudentSpecs(IdeUrls urls, Installation installation) {
		this.urls = urls;
		this.installation = installation;
	}

	public NetworkSpec network(String classId, String studentId, Template template) {
		String id = this.installation.id();
		return new NetworkSpec(Names.network(id, classId, studentId), Labels.network(id, classId, studentId),
				!template.internetEgress());
	}

	public RuntimeSpec container(String classId, String studentId, String sessionId, Template template) {
		String id = this.installation.id();
		return new RuntimeSpec(template.image(), Names.container(id, classId, studentId), studentId,
				Labels.container(id, this.urls.route(classId, studentId, template.port()), sessionId, template.id()),
				Names.network(id, classId, studentId),
				Map.of("CAAS_CLASS_ID", classId, "CAAS_STUDENT_ID", studentId, "CAAS_SESSION_ID", sessionId),
				template.user(), template.workspacePath(), template.memoryBytes(), template.memoryBytes(),
				template.nanoCpus(), template.pidsLimit(), List.of("ALL"), List.of("no-new-privileges"), true, true,
				template.diskLimit().toBytes());
	}

}
