package io.caas.classes.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.caas.classes.support.DockerTestSupport;

import static org.awaitility.Awaitility.await;

/**
 * A MinIO on a fixed host port, so a test can stop it and start it again at the same
 * endpoint (Testcontainers would map a new port). Labelled {@code caas.test=true}.
 */
final class StoppableMinio implements AutoCloseable {

	private final DockerTestSupport docker;

	private final String id;

	private final int port;

	StoppableMinio(DockerTestSupport docker, String name) {
		this.docker = docker;
		this.port = freePort();
		this.id = docker.docker.createContainerCmd("caas-local/minio:20260212-7aac2a2c5b7c")
			.withName(name)
			.withLabels(Map.of("caas.test", "true"))
			.withEnv("MINIO_ROOT_USER=" + Infra.MINIO_USER, "MINIO_ROOT_PASSWORD=" + Infra.MINIO_PASSWORD)
			.withExposedPorts(ExposedPort.tcp(9000))
			.withHostConfig(
					HostConfig.newHostConfig()
						.withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", this.port),
								ExposedPort.tcp(9000))))
			.exec()
			.getId();
		start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	void start() {
		this.docker.docker.startContainerCmd(this.id).exec();
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> http
				.send(HttpRequest.newBuilder(URI.create(endpoint() + "/minio/health/live")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200);
	}

	/** Kills it at once, as a crash or a pulled cable would; its data volume stays. */
	void kill() {
		this.docker.docker.killContainerCmd(this.id).exec();
	}

	@Override
	public void close() {
		this.docker.docker.removeContainerCmd(this.id).withForce(true).withRemoveVolumes(true).exec();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
