package io.caas.classes.support;

import java.time.Duration;

import io.caas.classes.installation.Installation;
import io.caas.classes.routing.IdeUrls;
import io.caas.classes.routing.RoutingProperties;
import io.caas.classes.session.OrchestratorProperties;
import io.caas.classes.template.Template;

/** Configuration values shared by tests. */
public final class Fixtures {

	private Fixtures() {
	}

	public static Template codeserver() {
		return new Template("codeserver", "code-server", "caas/runtime-codeserver:4.139.1-r2", 8080,
				"/home/student/workspace", "1000", "1g", 1, 512, true);
	}

	/** The readiness probes' token the tests' Traefiks, probes and labels share. */
	public static final String PROBE_TOKEN = "class-test-probe-token-1";

	public static RoutingProperties routing() {
		return new RoutingProperties("caas.localhost", "http", 80, "", "web", "caas.role=traefik", "", "/healthz",
				PROBE_TOKEN);
	}

	/** The installation unit and integration tests run as. */
	public static Installation installation() {
		return Installation.of("caas");
	}

	public static IdeUrls urls() {
		return new IdeUrls(routing());
	}

	public static OrchestratorProperties orchestrator(int permits) {
		return new OrchestratorProperties(permits, Duration.ofMinutes(10), 4, Duration.ofSeconds(30),
				Duration.ofMillis(200));
	}

}
