package io.caas.classes.routing;

import java.time.Duration;
import java.util.List;

import io.caas.classes.installation.Installation;
import io.caas.classes.operation.Operation;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RealDocker;
import io.caas.classes.session.ClassSettlement;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.session.DownClass;
import io.caas.classes.session.OrchestratorProperties;
import io.caas.classes.session.StudentSpecs;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.session.UpClass;
import io.caas.classes.support.EdgeTraefik;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.template.Template;
import io.caas.classes.workspace.AttemptRetention;
import io.caas.classes.workspace.CollectionProperties;
import io.caas.classes.workspace.WorkspaceCollector;
import org.testcontainers.containers.GenericContainer;

/**
 * The orchestration of one installation wired as class-service wires it, on the real
 * engine, behind its own real Traefik: opens and closes classes without Spring.
 */
final class TestStack {

	final Installation installation;

	final ContainerRuntime runtime;

	final GenericContainer<?> traefik;

	final InMemoryObjectStore store = new InMemoryObjectStore();

	private final OrchestratorProperties properties = new OrchestratorProperties(4, Duration.ofMinutes(10), 4,
			Duration.ofSeconds(90), Duration.ofMillis(200));

	TestStack(String installation) {
		this.installation = Installation.of(installation);
		this.runtime = RealDocker.runtime(this.installation);
		this.traefik = EdgeTraefik.forInstallation(installation, "traefik-" + installation);
	}

	TestStack start() {
		this.traefik.start();
		return this;
	}

	RoutingProperties routing() {
		return new RoutingProperties("caas.localhost", "http", 80, "", "web",
				"caas.role=traefik-" + this.installation.id(), EdgeTraefik.probeUrl(this.traefik), "/healthz",
				Fixtures.PROBE_TOKEN);
	}

	Operation up(String classId, String session, Template template, List<String> students) {
		RoutingProperties routing = routing();
		UpClass up = new UpClass(this.runtime, new TraefikAttachment(this.runtime, routing),
				new StudentSpecs(new IdeUrls(routing), this.installation), new LocalPermits(4),
				new EdgeIdeProbe(routing), this.properties);
		RecordingTracker op = new RecordingTracker(Transition.UP, classId, session, students);
		up.run(new UpClass.Plan(classId, session, template, students), op.tracker);
		return op.last();
	}

	ClassState down(String classId, String session, List<String> students) {
		DownClass down = new DownClass(this.runtime,
				new WorkspaceCollector(this.runtime, this.store, java.time.Clock.systemUTC()),
				new AttemptRetention(this.store, CollectionProperties.defaults()), CollectionProperties.defaults(),
				new LocalPermits(4), this.properties);
		RecordingTracker op = new RecordingTracker(Transition.DOWN, classId, session, students);
		down.run(new DownClass.Plan(classId, session, students, id -> java.util.Optional.of(Fixtures.codeserver()),
				"codeserver"), op.tracker);
		return new ClassSettlement(this.runtime, new TraefikAttachment(this.runtime, routing())).settle(classId);
	}

	String get(String classId, String studentId, String path) {
		return EdgeTraefik.get(this.traefik, classId + "-" + studentId + "-ide.caas.localhost", path);
	}

	void stop() {
		this.traefik.stop();
	}

}
