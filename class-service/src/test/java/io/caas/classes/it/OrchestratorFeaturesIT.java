package io.caas.classes.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import io.caas.classes.routing.Labels;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.EdgeTraefik;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.caas.classes.it.LifecycleFixtures.awaitFinished;
import static io.caas.classes.it.LifecycleFixtures.body;
import static io.caas.classes.it.LifecycleFixtures.minio;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18's orchestrator features on the real engine, a real Traefik, MinIO, Redis and
 * FerretDB, with class-service itself behind the edge's catch-all: per-student reset,
 * idle stop then wake by a request to the IDE host, the automatic close of a class open
 * too long, and capacity admission. Its own installation id ({@code ofe<run>}) keeps
 * every runtime apart from other stacks and tests on the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ActiveProfiles("demo")
@ExtendWith(DumpLogsOnFailure.class)
class OrchestratorFeaturesIT implements DumpLogsOnFailure.OwnsContainers {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	static final String INSTALLATION = "ofe" + RUN;

	static final String TEACHER = ClassLifecycleIT.TEACHER;

	// far longer than any test; the max-open test moves the service's clock past it
	static final Duration MAX_OPEN = Duration.ofHours(2);

	static final AheadClock CLOCK = new AheadClock();

	static final int PORT = freePort();

	@SuppressWarnings("resource")
	static final GenericContainer<?> traefik = EdgeTraefik.forInstallation(INSTALLATION, "traefik-" + INSTALLATION)
		.withExtraHost("host.docker.internal", "host-gateway")
		.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
			.withBinds(new Bind("/var/run/docker.sock", new Volume("/var/run/docker.sock")),
					new Bind(dynamicConfig().toString(), new Volume("/etc/traefik/dynamic.yml"))));

	private static DockerTestSupport docker;

	static {
		Infra.start();
		traefik.start();
	}

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, RUN);
		registry.add("server.port", () -> PORT);
		registry.add("caas.installation.id", () -> INSTALLATION);
		registry.add("caas.routing.probe-url", () -> EdgeTraefik.probeUrl(traefik));
		registry.add("caas.routing.traefik-selector-label", () -> "caas.role=traefik-" + INSTALLATION);
		registry.add("caas.idle.check-interval", () -> "2s");
		registry.add("caas.idle.wake-interval", () -> "5s");
		registry.add("caas.classes.max-open", () -> MAX_OPEN.toSeconds() + "s");
		registry.add("caas.classes.schedule-interval", () -> "2s");
		registry.add("caas.capacity.host-memory", () -> "6GB");
		registry.add("caas.capacity.reserve", () -> "1GB");
		registry.add("caas.collection.retry-interval", () -> "0s");
		// on, as in an installation (the other ITs count the networks each step makes)
		registry.add("caas.orchestrator.prepare-networks", () -> "true");
		// every field of the one template: a list is replaced whole, never merged
		Map<String, Object> template = Map.of("id", "codeserver", "display-name", "code-server", "image",
				DockerTestSupport.RUNTIME_IMAGE, "port", 8080, "workspace-path", "/home/student/workspace", "user",
				"1000", "memory", "1g", "cpus", 1, "pids-limit", 512, "idle-timeout", "5s");
		template.forEach((key, value) -> registry.add("caas.templates.allowed[0]." + key, () -> value));
	}

	/** The service's clock: the system's, which the max-open test moves ahead. */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableTime {

		@Bean
		@Primary
		Clock aheadClock() {
			return CLOCK;
		}

	}

	@BeforeAll
	static void engine() {
		docker = new DockerTestSupport();
	}

	@AfterAll
	static void sweep() throws Exception {
		try {
			docker.sweep(Map.of(Labels.INSTALLATION, INSTALLATION));
			docker.close();
		}
		finally {
			traefik.stop();
			Infra.mongo.stop();
			Infra.redis.stop();
			Infra.minio.stop();
		}
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Map.of(Labels.INSTALLATION, INSTALLATION);
	}

	@Test
	@Order(1)
	void resetIsAnOperationThatCollectsTheWorkspaceThenStartsTheStudentAgainFromAFreshOne() throws Exception {
		Api api = api();
		String classId = open("ofereset" + RUN, List.of("s1", "s2"), true);
		String before = container(classId, "s1");
		String other = container(classId, "s2");
		writeFile(before, "src/main.py", "print('before the reset')\n");
		writeFile(before, "notes.md", "# week 1\n");
		Map<String, String> ledger = Ledger.of(docker, before);

		Api.Response reset = api.post("/api/classes/" + classId + "/students/s1/reset", TEACHER, "teacher", "");

		assertThat(reset.status()).as(String.valueOf(reset.body())).isEqualTo(202);
		Api.Response busy = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		assertThat(busy.status()).as("the class is busy while the reset runs").isEqualTo(409);
		assertThat(busy.text("code")).isEqualTo("class-busy");
		assertThat(api.post("/api/classes/" + classId + "/students/s2/reset", TEACHER, "teacher", "").status())
			.isEqualTo(409);
		JsonNode done = awaitFinished(api, reset.text("operationId"));
		assertThat(done.path("kind").asString()).isEqualTo("RESET");
		assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
		assertThat(done.path("students").get(0).path("state").asString()).isEqualTo("READY");
		assertThat(done.path("students").get(0).path("files").asInt()).isEqualTo(2);
		String sessionId = status(classId).path("sessionId").asString();
		try (MinioClient minio = minio()) {
			Ledger.assertStored(minio, "caas-it-" + RUN, classId + "/" + sessionId + "/s1/", ledger);
		}
		assertThat(EdgeTraefik.get(traefik, classId + "-s1-ide.caas.localhost", "/healthz"))
			.as("READY means the new IDE answers through the edge")
			.startsWith("HTTP/1.1 200");
		String after = container(classId, "s1");
		assertThat(after).isNotEqualTo(before);
		assertThat(container(classId, "s2")).as("the classmate is untouched").isEqualTo(other);
		assertThat(docker.exec(after, "1000", "ls -A /home/student/workspace")).doesNotContain("src");
		assertThat(api.post("/api/classes/" + classId + "/students/s1/reset", "s1", "student", "").status())
			.isEqualTo(403);
		assertThat(api.post("/api/classes/" + classId + "/students/s9/reset", TEACHER, "teacher", "").status())
			.isEqualTo(404);
	}

	@Test
	@Order(2)
	void anIdleRuntimeIsStoppedAndARequestToItsHostStartsItAgain() throws Exception {
		String classId = open("ofeidle" + RUN, List.of("s1"), false);
		String host = classId + "-s1-ide.caas.localhost";

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> studentState(classId, "s1"), "STOPPED"::equals);
		assertThat(docker.containers(Map.of(Labels.CLASS, classId)).getFirst().getState()).isEqualTo("exited");

		String page = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> EdgeTraefik.get(traefik, host, "/"), p -> p.startsWith("HTTP/1.1 503"));
		assertThat(page).contains("Your IDE is starting").contains("http-equiv=\"refresh\"");
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(EdgeTraefik.get(traefik, host, "/healthz")).startsWith("HTTP/1.1 200")
				.contains("lastHeartbeat"));
		assertThat(studentState(classId, "s1")).isIn("READY", "STARTING");
	}

	@Test
	@Order(3)
	void aClassOpenPastItsMaximumIsCollectedThenClosedSayingWhy() throws Exception {
		Api api = api();
		String classId = open("ofemax" + RUN, List.of("s1"), true);
		String sessionId = status(classId).path("sessionId").asString();
		writeFile(container(classId, "s1"), "notes.md", "# forgotten\n");

		CLOCK.moveAhead(MAX_OPEN);
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> api.get("/api/classes/" + classId, TEACHER, "teacher").text("state"), "CLOSED"::equals);

		JsonNode operation = api
			.get("/api/operations/" + status(classId).path("operationId").asString(), TEACHER, "teacher")
			.body();
		assertThat(operation.path("kind").asString()).isEqualTo("DOWN");
		assertThat(operation.path("state").asString()).as(operation.toString()).isEqualTo("SUCCEEDED");
		assertThat(operation.path("message").asString()).isEqualTo("closed automatically: open longer than 2h");
		assertThat(operation.path("requestedBy").asString()).isEqualTo("caas-clock");
		try (MinioClient minio = minio()) {
			JsonNode manifest = LifecycleFixtures.latestManifest(minio, "caas-it-" + RUN,
					classId + "/" + sessionId + "/s1/");
			assertThat(manifest.path("files").toString()).contains("notes.md");
		}
		assertThat(docker.containers(Map.of(Labels.CLASS, classId))).isEmpty();
	}

	@Test
	@Order(4)
	void aClassCreatedWithItsRosterHasItsNetworksBeforeItsFirstOpenWhichReusesThem() {
		Api api = api();
		String classId = "ofenet" + RUN;
		List<String> students = List.of("s1", "s2");
		assertThat(api.post("/api/classes", TEACHER, "teacher", body(classId, students)).status()).isEqualTo(201);

		List<Network> prepared = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> docker.networks(Labels.classSelector(classId)), n -> n.size() == students.size());
		// Traefik's join follows each network's creation: the engine lists a join still
		// in
		// progress as an endpoint without its container ("ep-...")
		for (Network network : prepared) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> assertThat(
						docker.docker.inspectNetworkCmd().withNetworkId(network.getId()).exec().getContainers())
					.as(network.getName())
					.containsOnlyKeys(traefik.getContainerId()));
		}
		assertThat(docker.containers(Map.of(Labels.CLASS, classId))).isEmpty();

		Api.Response up = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		assertThat(up.status()).as(String.valueOf(up.body())).isEqualTo(202);
		assertThat(awaitFinished(api, up.text("operationId")).path("state").asString()).isEqualTo("SUCCEEDED");

		// the open made no network of its own: the same ones, and every IDE answers
		// through them
		assertThat(docker.networks(Labels.classSelector(classId))).extracting(Network::getId)
			.containsExactlyInAnyOrderElementsOf(prepared.stream().map(Network::getId).toList());
		for (String student : students) {
			assertThat(EdgeTraefik.get(traefik, classId + "-" + student + "-ide.caas.localhost", "/healthz"))
				.startsWith("HTTP/1.1 200")
				.contains("lastHeartbeat");
		}
		Api.Response down = api.post("/api/classes/" + classId + "/down", TEACHER, "teacher", "");
		assertThat(awaitFinished(api, down.text("operationId")).path("state").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	@Order(5)
	void anOpenTheHostHasNoRoomForIsRefusedSayingHowManyWouldFit() {
		Api api = api();
		String classId = "ofecap" + RUN;
		List<String> students = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");
		assertThat(api.post("/api/classes", TEACHER, "teacher", body(classId, students)).status()).isEqualTo(201);

		Api.Response refused = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("capacity-exceeded");
		assertThat(refused.text("detail")).containsPattern("[0-5] of 8 students would fit");
		assertThat(api.get("/api/classes/" + classId, TEACHER, "teacher").text("state")).isEqualTo("CLOSED");
		assertThat(docker.containers(Map.of(Labels.CLASS, classId))).isEmpty();
	}

	private String open(String classId, List<String> students, boolean alwaysOn) {
		Api api = api();
		assertThat(api.post("/api/classes", TEACHER, "teacher", body(classId, students)).status()).isEqualTo(201);
		assertThat(
				api.put("/api/classes/" + classId + "/always-on", TEACHER, "teacher", "{\"alwaysOn\":" + alwaysOn + "}")
					.status())
			.isEqualTo(200);
		Api.Response up = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		assertThat(up.status()).as(String.valueOf(up.body())).isEqualTo(202);
		JsonNode done = awaitFinished(api, up.text("operationId"));
		assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
		return classId;
	}

	private JsonNode status(String classId) {
		return api().get("/api/classes/" + classId + "/status", TEACHER, "teacher").body();
	}

	private String studentState(String classId, String studentId) {
		for (JsonNode s : status(classId).path("students")) {
			if (s.path("studentId").asString().equals(studentId)) {
				return s.path("state").asString();
			}
		}
		return "ABSENT";
	}

	private static String container(String classId, String studentId) {
		return docker.containers(Map.of(Labels.CLASS, classId, Labels.STUDENT, studentId)).getFirst().getId();
	}

	private static void writeFile(String container, String path, String content) throws InterruptedException {
		String encoded = Base64.getEncoder().encodeToString(content.getBytes());
		String file = "/home/student/workspace/" + path;
		docker.exec(container, "1000",
				"mkdir -p \"$(dirname " + file + ")\" && echo " + encoded + " | base64 -d > " + file);
	}

	private static Api api() {
		return new Api(PORT);
	}

	/**
	 * The IDE auth pass-through plus the production catch-all, pointed at this test's
	 * class-service on the host.
	 */
	private static Path dynamicConfig() {
		try {
			Path file = Files.createTempFile("ofe-traefik-", ".yml");
			Files.writeString(file, Files.readString(EdgeTraefik.PASSTHROUGH_AUTH) + """
					  routers:
					    ide-pages:
					      rule: 'HostRegexp(`^[a-z0-9]+-[a-z0-9]+-ide\\.caas\\.localhost$`)'
					      priority: 1
					      entryPoints: [web]
					      middlewares: [caas-ide-auth]
					      service: class-service
					  services:
					    class-service:
					      loadBalancer:
					        passHostHeader: true
					        servers:
					          - url: "http://host.docker.internal:%d"
					""".formatted(PORT));
			file.toFile().setReadable(true, false);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
