package io.caas.classes.it;

import java.time.Duration;

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

}
