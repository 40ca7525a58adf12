package io.caas.classes.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A real Traefik configured as docker-compose.yml configures it (static configuration
 * from the environment, Docker provider constrained to one installation), found by its
 * own role label so other Traefiks on the engine are left alone.
 */
public final class EdgeTraefik {

	public static final String IMAGE = "caas-local/traefik:v3.6.12";

	/**
	 * Defines the {@code caas-ide-auth} middleware every IDE router names as a
	 * pass-through: these tests are about routing, not the gateway's forward-auth.
	 */
	public static final Path PASSTHROUGH_AUTH = Path.of("src", "test", "resources", "traefik",
			"ide-auth-passthrough.yml");

	private EdgeTraefik() {
	}

	@SuppressWarnings("resource")
	public static GenericContainer<?> forInstallation(String installation, String role) {
		return new GenericContainer<>(DockerImageName.parse(IMAGE)).withLabel("caas.test", "true")
			.withLabel("caas.role", role)
			.withLabel("caas.installation", installation)
			// a plain bind: withFileSystemBind would first probe mounts with an image we
			// cannot pull
			.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
				.withBinds(new Bind("/var/run/docker.sock", new Volume("/var/run/docker.sock")),
						new Bind(PASSTHROUGH_AUTH.toAbsolutePath().normalize().toString(),
								new Volume("/etc/traefik/dynamic.yml"))))
			.withEnv("TRAEFIK_GLOBAL_CHECKNEWVERSION", "false")
			.withEnv("TRAEFIK_GLOBAL_SENDANONYMOUSUSAGE", "false")
			.withEnv("TRAEFIK_ENTRYPOINTS_WEB_ADDRESS", ":80")
			.withEnv("TRAEFIK_PING", "true")
			.withEnv("TRAEFIK_PING_ENTRYPOINT", "web")
			.withEnv("TRAEFIK_PROVIDERS_DOCKER", "true")
			.withEnv("TRAEFIK_PROVIDERS_DOCKER_ENDPOINT", "unix:///var/run/docker.sock")
			.withEnv("TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT", "false")
			.withEnv("TRAEFIK_PROVIDERS_DOCKER_CONSTRAINTS",
					"Label(`caas.managed`,`true`) && Label(`caas.installation`,`" + installation + "`)")
			.withEnv("TRAEFIK_PROVIDERS_FILE_FILENAME", "/etc/traefik/dynamic.yml")
			.withEnv("TRAEFIK_LOG_LEVEL", "INFO")
			// the probe token, for traefik/dynamic.yml's probe catch-all
			// (docker-compose.yml)
			.withEnv("CAAS_PROBE_TOKEN", Fixtures.PROBE_TOKEN)
			.withExposedPorts(80)
			.waitingFor(Wait.forHttp("/ping").forPort(80).withStartupTimeout(Duration.ofSeconds(60)));
	}

	/** Status line and body of {@code GET path} with the given Host, through Traefik. */
	public static String get(GenericContainer<?> traefik, String host, String path) {
		String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket(traefik.getHost(), traefik.getMappedPort(80))) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).lines()
				.collect(Collectors.joining("\n"));
		}
		catch (IOException ex) {
			return "io error: " + ex;
		}
	}

	/** Base URL class-service would probe IDEs at, for this Traefik. */
	public static String probeUrl(GenericContainer<?> traefik) {
		return "http://" + traefik.getHost() + ":" + traefik.getMappedPort(80);
	}

}
