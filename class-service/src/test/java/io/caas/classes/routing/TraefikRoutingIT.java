package io.caas.classes.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RealDocker;
import io.caas.classes.session.ClassSettlement;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.session.StudentSpecs;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.session.UpClass;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.EdgeTraefik;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.operation.StudentStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Traefik, configured as in production, routes an IDE host to a real code-server
 * that the UP orchestration put on a class network with the real labels.
 */
@ExtendWith(DumpLogsOnFailure.class)
class TraefikRoutingIT implements DumpLogsOnFailure.OwnsContainers {

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private static final String CLASS_ID = "ittraefik" + RUN;

	private static final String SESSION = "20261124t231900z-it02";

	/**
	 * A selector only this test's Traefik carries, so another Traefik on the host is left
	 * alone.
	 */
	private static final String TRAEFIK_ROLE = "traefik-it" + RUN;

	@SuppressWarnings("resource")
	private static final GenericContainer<?> traefik = new GenericContainer<>(
			DockerImageName.parse("caas-local/traefik:v3.6.12"))
		.withLabel("caas.test", "true")
		.withLabel("caas.role", TRAEFIK_ROLE)
		.withLabel("caas.installation", "caas")
		// a plain bind: withFileSystemBind would first probe mounts with an image we
		// cannot pull
		.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
			.withBinds(new Bind("/var/run/docker.sock", new Volume("/var/run/docker.sock")),
					new Bind(EdgeTraefik.PASSTHROUGH_AUTH.toAbsolutePath().normalize().toString(),
							new Volume("/etc/traefik/dynamic.yml"))))
		.withCommand("--entrypoints.web.address=:80", "--providers.file.filename=/etc/traefik/dynamic.yml",
				"--providers.docker.exposedbydefault=false",
				"--providers.docker.constraints=Label(`caas.managed`,`true`)",
				"--providers.docker.endpoint=unix:///var/run/docker.sock", "--global.checknewversion=false",
				"--global.sendanonymoususage=false", "--ping=true", "--ping.entrypoint=web", "--log.level=INFO")
		.withExposedPorts(80)
		.waitingFor(Wait.forHttp("/ping").forPort(80).withStartupTimeout(Duration.ofSeconds(60)));

	private static DockerTestSupport docker;

	private static ContainerRuntime runtime;

	private static RoutingProperties routing;

	@BeforeAll
	static void openClassBehindTraefik() {
		docker = new DockerTestSupport();
		traefik.start();
		runtime = RealDocker.runtime();
		routing = new RoutingProperties("caas.localhost", "http", 80, "", "web", "caas.role=" + TRAEFIK_ROLE,
				"http://" + traefik.getHost() + ":" + traefik.getMappedPort(80), "/healthz", Fixtures.PROBE_TOKEN);
		UpClass up = new UpClass(runtime, new TraefikAttachment(runtime, routing),
				new StudentSpecs(new IdeUrls(routing), Fixtures.installation()), new LocalPermits(2),
				new EdgeIdeProbe(routing), Fixtures.orchestrator(2));
		RecordingTracker op = new RecordingTracker(Transition.UP, CLASS_ID, SESSION, List.of("s1"));
		up.run(new UpClass.Plan(CLASS_ID, SESSION, Fixtures.codeserver(), List.of("s1")), op.tracker);
		assertThat(op.student("s1").state()).as(op.student("s1").toString()).isEqualTo(StudentStep.READY);
	}

	@AfterAll
	static void tearDown() throws Exception {
		try {
			traefik.stop();
		}
		finally {
			docker.sweep(Labels.classSelector(CLASS_ID));
			docker.close();
		}
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Labels.classSelector(CLASS_ID);
	}

	@Test
	void ideHostReachesTheStudentsCodeServer() {
		String host = CLASS_ID + "-s1-ide.caas.localhost";
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(statusLine(get(host, "/healthz"))).contains(" 200 "));
	}

	@Test
	void ideHostUpgradesToWebSocketThroughTraefik() {
		String host = CLASS_ID + "-s1-ide.caas.localhost";
		String key = Base64.getEncoder()
			.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
			.substring(0, 24);
		String request = "GET /?reconnectionToken=" + UUID.randomUUID()
				+ "&reconnection=false&skipWebSocketFrames=false HTTP/1.1\r\n" + "Host: " + host + "\r\n"
				+ "Origin: http://" + host + "\r\n" + "Upgrade: websocket\r\n" + "Connection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + key + "\r\n" + "Sec-WebSocket-Version: 13\r\n\r\n";
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(statusLine(request)).startsWith("HTTP/1.1 101"));
	}

	@Test
	void unmanagedHostIsNotRouted() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(statusLine(get(CLASS_ID + "-s1-ide.caas.localhost", "/healthz")))
				.contains(" 200 "));
		assertThat(statusLine(get("nobody-nothing-ide.caas.localhost", "/healthz"))).contains(" 404 ");
		assertThat(statusLine(get(CLASS_ID + "-s2-ide.caas.localhost", "/healthz"))).contains(" 404 ");
	}

	@Test
	void settlementKeepsTheRouteWhileAContainerRemains() {
		assertThat(new ClassSettlement(runtime, new TraefikAttachment(runtime, routing)).settle(CLASS_ID))
			.isEqualTo(ClassState.OPEN);
		assertThat(runtime.listNetworks(Labels.classSelector(CLASS_ID)))
			.containsExactly(Names.network("caas", CLASS_ID, "s1"));
	}

	private static String get(String host, String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
	}

	private static String statusLine(String request) {
		try (Socket socket = new Socket(traefik.getHost(), traefik.getMappedPort(80))) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
		}
		catch (IOException ex) {
			return "io error: " + ex;
		}
	}

}
