package io.caas.classes.workspace;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.model.HostConfig;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RealDocker;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the engine's archive API really gives for running, stopped and OOM-killed runtimes
 * and for replaced workspace roots, read by the collector.
 */
@ExtendWith(DumpLogsOnFailure.class)
class WorkspaceCollectorDockerIT implements DumpLogsOnFailure.OwnsContainers {

	private static final String WS = "/home/student/workspace";

	private static DockerTestSupport docker;

	private final String label = "col" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final ContainerRuntime runtime = RealDocker.runtime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	private final WorkspaceCollector collector = new WorkspaceCollector(this.runtime, this.store, Clock.systemUTC());

	@BeforeAll
	static void engine() {
		docker = new DockerTestSupport();
	}

	@AfterAll
	static void closeEngine() throws Exception {
		docker.close();
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Map.of("caas.test", this.label);
	}

	@AfterEach
	void sweep() {
		docker.sweep(ownedLabels());
	}

	@Test
	void collectWorksOnARunningAndOnAStoppedRuntime() throws Exception {
		String id = start("mkdir -p " + WS + "/src && echo hi > " + WS + "/src/a.py && exec sleep 1000", null);
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> docker.exec(id, "1000", "cat " + WS + "/src/a.py").equals("hi\n"));

		Manifest running = collect(id);
		this.runtime.stop(id, Duration.ofSeconds(2));
		this.runtime.stop(id, Duration.ofSeconds(2));
		Manifest stopped = collect(id);

		assertThat(running.files()).extracting(Manifest.FileEntry::path).containsExactly("src/a.py");
		assertThat(stopped.files()).isEqualTo(running.files());
		assertThat(this.store.text(StoredAttempts.fileKey(stopped, "src/a.py"))).isEqualTo("hi\n");
	}

	@Test
	void collectWorksOnAnOomKilledRuntime() {
		String id = start("mkdir -p " + WS + " && echo saved > " + WS + "/a.txt && tail /dev/zero", 32L << 20);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !docker.docker.inspectContainerCmd(id).exec().getState().getRunning());
		assertThat(docker.docker.inspectContainerCmd(id).exec().getState().getOOMKilled()).isTrue();

		Manifest manifest = collect(id);

		assertThat(this.store.text(StoredAttempts.fileKey(manifest, "a.txt"))).isEqualTo("saved\n");
	}

	@Test
	void collectWhenRootIsASymlinkThenFailsWithTheReason() {
		String id = start(
				"rm -rf " + WS + " && mkdir -p /tmp/elsewhere && echo x > /tmp/elsewhere/x && ln -s /tmp/elsewhere "
						+ WS + " && exec sleep 1000",
				null);
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> docker.exec(id, "1000", "test -L " + WS).isEmpty());

		assertThatThrownBy(() -> collect(id)).isInstanceOf(CollectionException.class)
			.hasMessageContaining("symlink to '/tmp/elsewhere'");
		assertThat(this.store.objects).isEmpty();
	}

	@Test
	void collectWhenRootIsAFileOrMissingThenFails() {
		String file = start("rm -rf " + WS + " && echo x > " + WS + " && exec sleep 1000", null);
		String missing = start("rm -rf " + WS + " && exec sleep 1000", null);
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> docker.exec(file, "1000", "test -f " + WS).isEmpty()
					&& docker.exec(missing, "1000", "test ! -e " + WS).isEmpty());

		assertThatThrownBy(() -> collect(file)).isInstanceOf(CollectionException.class)
			.hasMessageContaining("not a folder");
		assertThatThrownBy(() -> collect(missing)).isInstanceOf(CollectionException.class)
			.hasMessageContaining("cannot be read");
	}

	private Manifest collect(String id) {
		return this.collector
			.collect(new WorkspaceCollector.Target("cs101", "20261126t070000z-col1", "s1", id, Fixtures.codeserver()));
	}

	private String start(String script, Long memory) {
		HostConfig host = HostConfig.newHostConfig().withInit(true);
		if (memory != null) {
			host.withMemory(memory).withMemorySwap(memory);
		}
		String id = docker.docker.createContainerCmd(DockerTestSupport.RUNTIME_IMAGE)
			.withLabels(Map.of("caas.test", this.label))
			.withUser("1000")
			.withWorkingDir("/")
			.withEntrypoint(List.of("sh", "-c", script))
			.withHostConfig(host)
			.exec()
			.getId();
		docker.docker.startContainerCmd(id).exec();
		return id;
	}

}
