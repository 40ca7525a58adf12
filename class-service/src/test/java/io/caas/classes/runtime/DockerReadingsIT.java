package io.caas.classes.runtime;

import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import io.caas.classes.support.DockerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's read-only lookups on the real engine: an image's labels (nothing pulled)
 * and one-shot container stats.
 */
class DockerReadingsIT {

	private static final Map<String, String> LABELS = Map.of("caas.test", "true", "caas.test.owner", "sch-readings");

	static DockerTestSupport docker;

	static String busy;

	private final ContainerRuntime runtime = RealDocker.runtime();

	@BeforeAll
	static void start() {
		docker = new DockerTestSupport();
		docker.sweep(LABELS);
		CreateContainerResponse created = docker.docker.createContainerCmd("caas-local/debian:bookworm")
			.withName("sch-readings-busy")
			.withLabels(LABELS)
			.withCmd("sh", "-c", "while :; do :; done")
			.withHostConfig(HostConfig.newHostConfig().withMemory(64L << 20).withInit(true))
			.exec();
		docker.docker.startContainerCmd(created.getId()).exec();
		busy = created.getId();
	}

	@AfterAll
	static void stop() throws Exception {
		docker.sweep(LABELS);
		docker.close();
	}

	@Test
	void imageLabelsOfAPresentImageAndNothingForAnAbsentOne() {
		assertThat(this.runtime.imageLabels("caas-local/debian:bookworm")).isPresent();
		assertThat(this.runtime.imageLabels("sch-absent-image:none")).isEmpty();
	}

	@Test
	void oneShotStatsOfABusyContainerShowCpuAndMemoryWithinItsLimit() {
		Optional<ResourceUse> use = this.runtime.stats(busy);
		assertThat(use).isPresent();
		assertThat(use.get().memoryBytes()).isPositive();
		assertThat(use.get().memoryLimitBytes()).isEqualTo(64L << 20);
		assertThat(use.get().cpuPercent()).as("a spinning shell").isGreaterThan(1);
	}

	@Test
	void statsOfAContainerThatIsGoneAreEmpty() {
		assertThat(this.runtime.stats("sch-no-such-container")).isEmpty();
	}

}
