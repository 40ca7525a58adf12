package io.caas.classes.routing;

import java.nio.file.Path;
import java.time.Duration;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import io.caas.classes.support.EdgeTraefik;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The repository's traefik/dynamic.yml, loaded by a real Traefik: an IDE host no runtime
 * serves goes to class-service (a stand-in answering on {@code class-service:8083}),
 * never to the edge's bare 404, and only after forward-auth (a stand-in gateway on
 * {@code gateway:8080} that answers 200 on {@code /forward-auth} while the test allows
 * it, 404 otherwise); other hosts are not caught.
 */
class IdeCatchAllIT {

	private static final String GENERATED_CERTIFICATE = "No default certificate, fallback to the internal generated certificate";

	private static final Network network = Network.newNetwork();

	private static final GenericContainer<?> classService = fileServer("class-service", 8083);

	private static final GenericContainer<?> gateway = fileServer("gateway", 8080);

	@SuppressWarnings("resource")
	private static final GenericContainer<?> traefik = EdgeTraefik.forInstallation("orcnone", "traefik-orccatchall")
		.withNetwork(network)
		.withEnv("DOMAIN_SUFFIX", "caas.localhost")
		.withEnv("TRAEFIK_PROVIDERS_FILE_FILENAME", "/etc/traefik/dynamic.yml")
		// the default-certificate check reads Traefik's debug lines
		.withEnv("TRAEFIK_LOG_LEVEL", "DEBUG")
		.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
			.withBinds(new Bind("/var/run/docker.sock", new Volume("/var/run/docker.sock")),
					new Bind(Path.of("..", "traefik", "dynamic.yml").toAbsolutePath().normalize().toString(),
							new Volume("/etc/traefik/dynamic.yml"))));

	@BeforeAll
	static void start() {
		classService.start();
		gateway.start();
		traefik.start();
	}

	@AfterAll
	static void stop() {
		traefik.stop();
		gateway.stop();
		classService.stop();
		network.close();
	}

	@Test
	void ideHostWithoutRuntimeReachesClassService() throws Exception {
		forwardAuthAllows(true);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(EdgeTraefik.get(traefik, "cs101-student1-ide.caas.localhost", "/"))
				.startsWith("HTTP/1.1 200")
				.contains("Directory listing"));
		assertThat(EdgeTraefik.get(traefik, "cs101-student1-ide.caas.localhost:80", "/x")).startsWith("HTTP/1.1 404")
			.contains("File not found");
	}

	@Test
	void forwardAuthGuardsTheCatchAll() throws Exception {
		forwardAuthAllows(true);
		awaitTheCatchAllAnswers();
		forwardAuthAllows(false);

		String refused = EdgeTraefik.get(traefik, "cs101-student1-ide.caas.localhost", "/");

		assertThat(refused).startsWith("HTTP/1.1 404").doesNotContain("Directory listing");
		forwardAuthAllows(true);
	}

	@Test
	void otherHostsAreNotCaught() throws Exception {
		forwardAuthAllows(true);
		awaitTheCatchAllAnswers();
		assertThat(EdgeTraefik.get(traefik, "cs101-ide.caas.localhost", "/")).startsWith("HTTP/1.1 404")
			.doesNotContain("Directory listing");
		assertThat(EdgeTraefik.get(traefik, "a-b-c-ide.caas.localhost", "/")).doesNotContain("Directory listing");
		assertThat(EdgeTraefik.get(traefik, "cs101-student1-ide.caas.localhostx", "/"))
			.doesNotContain("Directory listing");
		assertThat(EdgeTraefik.get(traefik, "cs101-student1-idexcaas.localhost", "/"))
			.doesNotContain("Directory listing");
	}

	/**
	 * Traefik makes an RSA-2048 default certificate at every configuration reload unless
	 * it is given one (a tenth of a CPU-second each, 80 % of its CPU while a class of 40
	 * opens): the repository's configuration gives it a placeholder, and Traefik takes
	 * it. At start Traefik may apply one configuration before the file provider's has
	 * arrived (its watcher does not wait for every provider), and that one makes a
	 * certificate; what matters is that reloads after it make none. Each labelled
	 * container started here is a reload of the Docker provider, applied once its route
	 * answers. The control, a Traefik on a configuration without a default certificate,
	 * shows the line counted here is the one Traefik writes at every reload.
	 */
	@Test
	void theRepositorysConfigurationSparesTraefikItsPerReloadCertificate() throws Exception {
		forwardAuthAllows(true);
		awaitTheCatchAllAnswers();
		assertThat(traefik.getLogs()).contains("Configuration received")
			.doesNotContain("Error while creating certificate store");
		int atStart = generatedCertificates(traefik);
		assertThat(atStart).isLessThanOrEqualTo(1);

		for (int reload = 1; reload <= 2; reload++) {
			String name = "reload" + reload;
			try (GenericContainer<?> routed = routedFileServer(name)) {
				routed.start();
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(250))
					.untilAsserted(() -> assertThat(EdgeTraefik.get(traefik, name + ".caas.localhost", "/"))
						.startsWith("HTTP/1.1 200"));
			}
		}
		assertThat(generatedCertificates(traefik)).isEqualTo(atStart);

		try (GenericContainer<?> control = EdgeTraefik.forInstallation("orcnone", "traefik-orccertcontrol")
			.withEnv("TRAEFIK_LOG_LEVEL", "DEBUG")) {
			control.start();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(generatedCertificates(control)).isPositive());
		}
	}

	private static int generatedCertificates(GenericContainer<?> edge) {
		return edge.getLogs().split(GENERATED_CERTIFICATE, -1).length - 1;
	}

	/**
	 * A file server routed by the Docker provider on {@code <name>.caas.localhost}: its
	 * start and its end are configuration reloads.
	 */
	@SuppressWarnings("resource")
	private static GenericContainer<?> routedFileServer(String name) {
		String host = name + ".caas.localhost";
		return fileServer(host, 8099).withLabel("caas.managed", "true")
			.withLabel("caas.installation", "orcnone")
			.withLabel("traefik.enable", "true")
			.withLabel("traefik.http.routers." + name + ".rule", "Host(`" + host + "`)")
			.withLabel("traefik.http.services." + name + ".loadbalancer.server.port", "8099");
	}

	/**
	 * Until Traefik routes an IDE host without a runtime to class-service (after
	 * forward-auth).
	 */
	private static void awaitTheCatchAllAnswers() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(EdgeTraefik.get(traefik, "cs101-student1-ide.caas.localhost", "/"))
				.startsWith("HTTP/1.1 200"));
	}

	/** The JDK's file server on {@code alias:port}, serving {@code /tmp}. */
	@SuppressWarnings("resource")
	private static GenericContainer<?> fileServer(String alias, int port) {
		return new GenericContainer<>(DockerImageName.parse("caas-local/java:25")).withLabel("caas.test", "true")
			.withNetwork(network)
			.withNetworkAliases(alias)
			.withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("/opt/java/openjdk/bin/jwebserver"))
			.withCommand("-b", "0.0.0.0", "-p", Integer.toString(port), "-d", "/tmp")
			.waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofSeconds(60)));
	}

	private static synchronized void forwardAuthAllows(boolean allow) throws Exception {
		String command = allow ? "touch /tmp/forward-auth" : "rm -f /tmp/forward-auth";
		assertThat(gateway.execInContainer("sh", "-c", command).getExitCode()).isZero();
	}

}
