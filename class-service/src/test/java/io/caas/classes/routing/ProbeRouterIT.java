package io.caas.classes.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.caas.classes.installation.Installation;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RealDocker;
import io.caas.classes.runtime.RuntimeSpec;
import io.caas.classes.session.StudentSpecs;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.EdgeTraefik;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.HeaderEcho;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The readiness-probe routers on a real Traefik, for a runtime labelled exactly as
 * production labels it (StudentSpecs) on its own network that Traefik joined
 * (TraefikAttachment). The runtime image runs a header echo instead of code-server, so
 * the test sees what reached it. Exactly {@code GET /healthz} takes the probe router and
 * arrives with no credential header; every other request takes the main router, behind
 * the pass-through stand-in of forward-auth (test config) or the real forward-auth to a
 * stand-in gateway (the repository's traefik/dynamic.yml), whose catch-alls are checked
 * for a host no runtime serves too: there an anonymous probe reaches nobody (Traefik's
 * own 503), everything else class-service after forward-auth.
 */
@ExtendWith(DumpLogsOnFailure.class)
class ProbeRouterIT implements DumpLogsOnFailure.OwnsContainers {

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private static final String INSTALLATION = "prb" + RUN;

	private static final String CLASS_ID = "prbc" + RUN;

	private static final String ROLE = "traefik-" + INSTALLATION;

	private static final String HOST = CLASS_ID + "-s1-ide.caas.localhost";

	private static final String NO_RUNTIME_HOST = "prbn" + RUN + "-s9-ide.caas.localhost";

	private static final Network edge = Network.newNetwork();

	/** The gateway (forward-auth) and class-service that traefik/dynamic.yml names. */
	@SuppressWarnings("resource")
	private static final GenericContainer<?> standIns = new GenericContainer<>(
			DockerImageName.parse(DockerTestSupport.RUNTIME_IMAGE))
		.withLabel("caas.test", "true")
		.withLabel(Labels.INSTALLATION, INSTALLATION)
		.withNetwork(edge)
		.withNetworkAliases("gateway", "class-service")
		.withExposedPorts(8080, 8083)
		.withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint(HeaderEcho.NODE))
		.withCommand(HeaderEcho.command("8080=gateway", "8083=class-service"))
		.waitingFor(Wait.forListeningPorts(8080, 8083).withStartupTimeout(Duration.ofSeconds(60)));

	private static final GenericContainer<?> passthrough = withApi(EdgeTraefik.forInstallation(INSTALLATION, ROLE));

	@SuppressWarnings("resource")
	private static final GenericContainer<?> production = withApi(EdgeTraefik.forInstallation(INSTALLATION, ROLE))
		.withNetwork(edge)
		.withEnv("DOMAIN_SUFFIX", "caas.localhost")
		.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
			.withBinds(new Bind("/var/run/docker.sock", new Volume("/var/run/docker.sock")),
					new Bind(Path.of("..", "traefik", "dynamic.yml").toAbsolutePath().normalize().toString(),
							new Volume("/etc/traefik/dynamic.yml"))));

	private static DockerTestSupport docker;

	@BeforeAll
	static void startRuntimeBehindBothTraefiks() {
		docker = new DockerTestSupport();
		standIns.start();
		passthrough.start();
		production.start();
		RoutingProperties routing = new RoutingProperties("caas.localhost", "http", 80, "", "web", "caas.role=" + ROLE,
				"", "/healthz", Fixtures.PROBE_TOKEN);
		ContainerRuntime runtime = RealDocker.runtime(Installation.of(INSTALLATION));
		StudentSpecs specs = new StudentSpecs(new IdeUrls(routing), Installation.of(INSTALLATION));
		runtime.ensureNetwork(specs.network(CLASS_ID, "s1", Fixtures.codeserver()));
		RuntimeSpec spec = specs.container(CLASS_ID, "s1", "20261126t193000z-prb1", Fixtures.codeserver());
		new TraefikAttachment(runtime, routing).attach(spec.network());
		String id = docker.docker.createContainerCmd(spec.image())
			.withName(spec.name())
			.withHostName(spec.hostname())
			.withLabels(spec.labels())
			.withEntrypoint(HeaderEcho.NODE)
			.withCmd(HeaderEcho.command("8080=runtime"))
			.withHostConfig(HostConfig.newHostConfig().withNetworkMode(spec.network()).withInit(true))
			.exec()
			.getId();
		docker.docker.startContainerCmd(id).exec();
		ProbeCase probe = new ProbeCase("GET", "/healthz", ProbeCase.Way.PROBE);
		for (GenericContainer<?> traefik : List.of(passthrough, production)) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(300))
				.untilAsserted(
						() -> assertThat(HeaderEcho.exchange(traefik, probe.request(HOST)).who()).isEqualTo("runtime"));
		}
	}

	@AfterAll
	static void tearDown() throws Exception {
		try {
			production.stop();
			passthrough.stop();
			standIns.stop();
			edge.close();
		}
		finally {
			docker.sweep(Labels.classSelector(CLASS_ID));
			docker.sweep(Map.of(Labels.INSTALLATION, INSTALLATION));
			docker.close();
		}
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Map.of(Labels.INSTALLATION, INSTALLATION);
	}

	@Test
	void bothRoutersOfTheRuntimeAndTheCatchAllsAreLoadedWithoutError() throws Exception {
		String router = Names.router(INSTALLATION, CLASS_ID, "s1");
		for (GenericContainer<?> traefik : List.of(passthrough, production)) {
			for (String name : List.of(router + "@docker", router + "-healthz@docker")) {
				assertThat(api(traefik, "routers/" + name)).as(name)
					.containsEntry("status", "enabled")
					.doesNotContainKey("error");
			}
			assertThat(api(traefik, "middlewares/caas-ide-probe@file")).containsEntry("status", "enabled");
			assertThat(traefik.getLogs().lines().filter(line -> line.contains(" ERR "))).isEmpty();
		}
		for (String name : List.of("ide-pages@file", "ide-probes@file", "app@file")) {
			assertThat(api(production, "routers/" + name)).as(name)
				.containsEntry("status", "enabled")
				.doesNotContainKey("error");
		}
	}

	@Test
	void onlyGetHealthzTakesTheProbeRouterAndItCarriesNoCredential() {
		List<String> wrong = new ArrayList<>();
		int cases = 0;
		for (ProbeCase c : ProbeCase.runtime()) {
			wrong.addAll(c.wrong("passthrough", true, "runtime", HeaderEcho.exchange(passthrough, c.request(HOST))));
			wrong.addAll(c.wrong("production", false, "runtime", HeaderEcho.exchange(production, c.request(HOST))));
			cases += 2;
		}
		for (ProbeCase c : ProbeCase.catchAll()) {
			HeaderEcho.Reply reply = HeaderEcho.exchange(production, c.request(NO_RUNTIME_HOST));
			if (c.way() == ProbeCase.Way.PROBE) {
				// ide-probes: Traefik answers itself, the same for every host; nobody
				// behind it
				// learns of the request, nor tells the caller anything about the host
				if (reply.who() != null || reply.status() != 503) {
					wrong.add("production catch-all " + c + ": expected Traefik's own 503, got " + reply.status()
							+ " from " + reply.who() + "\n" + reply.raw());
				}
			}
			else {
				wrong.addAll(c.wrong("production catch-all", false, "class-service", reply));
			}
			cases++;
		}
		System.out.printf("probe router: %d cases, %d as expected%n", cases, cases - wrong.size());
		wrong.forEach(System.out::println);
		assertThat(wrong).isEmpty();
		assertThat(cases).isEqualTo(2 * ProbeCase.runtime().size() + ProbeCase.catchAll().size());
		String router = Names.router(INSTALLATION, CLASS_ID, "s1");
		for (GenericContainer<?> traefik : List.of(passthrough, production)) {
			assertThat(traefik.getLogs()).contains("\"" + router + "@docker\"")
				.doesNotContain("\"" + router + "-healthz@docker\"");
		}
		// the catch-all is logged, where class and student ids would be guessed; the
		// probe catch-all is not: only holders of the token reach it, many times an open
		assertThat(production.getLogs()).contains("\"ide-pages@file\"").doesNotContain("\"ide-probes@file\"");
	}

	private static Map<String, Object> api(GenericContainer<?> traefik, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create("http://" + traefik.getHost() + ":" + traefik.getMappedPort(8080) + "/api/http/" + path))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readValue(response.body(), new TypeReference<>() {
		});
	}

	@SuppressWarnings("resource")
	private static GenericContainer<?> withApi(GenericContainer<?> traefik) {
		return traefik.withEnv("TRAEFIK_ACCESSLOG", "true")
			.withEnv("TRAEFIK_API", "true")
			.withEnv("TRAEFIK_API_INSECURE", "true")
			.withEnv("TRAEFIK_API_DASHBOARD", "false")
			.withExposedPorts(80, 8080);
	}

}
