package io.caas.users;

import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One FerretDB (the local MongoDB stand-in) per test JVM, shared by the integration
 * tests; each test class uses its own database. Labelled so leftovers can be swept.
 */
public final class FerretDb {

	private static final GenericContainer<?> CONTAINER = new GenericContainer<>(
			DockerImageName.parse("caas-local/ferretdb:v1.24.2"))
		.withExposedPorts(27017)
		.withLabel("caas.test", "true")
		.withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("ferretdb")))
		.waitingFor(Wait.forListeningPort());

	private FerretDb() {
	}

	/** Starts the container if needed and points Spring Data MongoDB at the database. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		if (!CONTAINER.isRunning()) {
			CONTAINER.start();
			Runtime.getRuntime().addShutdownHook(new Thread(CONTAINER::stop));
		}
		registry.add("spring.mongodb.uri",
				() -> "mongodb://%s:%d/%s".formatted(CONTAINER.getHost(), CONTAINER.getMappedPort(27017), database));
	}

}
