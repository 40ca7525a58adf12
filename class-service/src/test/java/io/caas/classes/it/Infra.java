package io.caas.classes.it;

import java.time.Duration;
import java.util.function.Supplier;

import io.caas.classes.support.Fixtures;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The real backing programs, from local images: FerretDB for MongoDB, Redis, MinIO.
 * Labelled {@code caas.test=true} so leftovers can be swept.
 */
final class Infra {

	static final String MINIO_USER = "caasit";

	static final String MINIO_PASSWORD = "caasit-secret-123";

	@SuppressWarnings("resource")
	static final GenericContainer<?> mongo = new GenericContainer<>(
			DockerImageName.parse("caas-local/ferretdb:v1.24.2"))
		.withLabel("caas.test", "true")
		.withExposedPorts(27017)
		.waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofSeconds(60)));

	@SuppressWarnings("resource")
	static final GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("caas-local/redis:7.0"))
		.withLabel("caas.test", "true")
		.withExposedPorts(6379)
		.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));

	@SuppressWarnings("resource")
	static final GenericContainer<?> minio = new GenericContainer<>(
			DockerImageName.parse("caas-local/minio:20260212-7aac2a2c5b7c"))
		.withLabel("caas.test", "true")
		.withEnv("MINIO_ROOT_USER", MINIO_USER)
		.withEnv("MINIO_ROOT_PASSWORD", MINIO_PASSWORD)
		.withExposedPorts(9000)
		.waitingFor(Wait.forHttp("/minio/health/live").forPort(9000).withStartupTimeout(Duration.ofSeconds(60)));

	private Infra() {
	}

	static void start() {
		Startables.deepStart(mongo, redis, minio).join();
	}

	static String mongoUri() {
		return "mongodb://" + mongo.getHost() + ":" + mongo.getMappedPort(27017) + "/caas-classes-it";
	}

	static String minioEndpoint() {
		return "http://" + minio.getHost() + ":" + minio.getMappedPort(9000);
	}

	/**
	 * Points the service at these containers; {@code run} keeps names apart between runs.
	 */
	static void register(DynamicPropertyRegistry registry, String run) {
		register(registry, run, Infra::minioEndpoint);
	}

	/** The same, with the S3 endpoint of another MinIO. */
	static void register(DynamicPropertyRegistry registry, String run, Supplier<Object> storageEndpoint) {
		registry.add("spring.mongodb.uri", Infra::mongoUri);
		registry.add("spring.data.redis.host", redis::getHost);
		registry.add("spring.data.redis.port", () -> redis.getMappedPort(6379));
		registry.add("caas.storage.endpoint", storageEndpoint);
		registry.add("caas.storage.access-key", () -> MINIO_USER);
		registry.add("caas.storage.secret-key", () -> MINIO_PASSWORD);
		registry.add("caas.storage.bucket", () -> "caas-it-" + run);
		// Pinned so the caller's environment (HTTP_PORT, DOMAIN_SUFFIX) cannot change the
		// expected URLs.
		registry.add("caas.routing.public-port", () -> 80);
		registry.add("caas.routing.domain-suffix", () -> "caas.localhost");
		registry.add("caas.routing.traefik-selector-label", () -> "caas.role=absent-in-" + run);
		registry.add("caas.reconciler.interval", () -> "0s");
		// the class clock would open classes whose schedule covers now; tests that want
		// it
		// turn it on
		registry.add("caas.classes.schedule-interval", () -> "0s");
		registry.add("caas.idle.check-interval", () -> "0s");
		registry.add("caas.orchestrator.health-timeout", () -> "90s");
		// no Traefik in this test: a running runtime counts as ready
		registry.add("caas.routing.probe-url", () -> "");
		registry.add("caas.routing.probe-token", () -> Fixtures.PROBE_TOKEN);
	}

}
