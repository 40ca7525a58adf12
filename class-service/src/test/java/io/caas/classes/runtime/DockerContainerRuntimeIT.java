package io.caas.classes.runtime;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import io.caas.classes.installation.Installation;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.Names;
import io.caas.classes.session.StudentSpecs;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.Fixtures;
import io.caas.classes.template.Template;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Docker adapter against the real engine and the real runtime image. */
@ExtendWith(DumpLogsOnFailure.class)
class DockerContainerRuntimeIT implements DumpLogsOnFailure.OwnsContainers {

	private static DockerTestSupport docker;

	private final String classId = "itdock" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final String session = "20261124t231900z-it01";

	private final DockerContainerRuntime runtime = new DockerContainerRuntime(
			new DockerProperties(DockerTestSupport.HOST, "1.41", Duration.ofMinutes(2), Duration.ofMillis(200)),
			Fixtures.installation());

	private final StudentSpecs specs = new StudentSpecs(Fixtures.urls(), Fixtures.installation());

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
		return Labels.classSelector(this.classId);
	}

	@AfterEach
	void sweep() throws Exception {
		docker.sweep(ownedLabels());
		this.runtime.destroy();
	}

	@Test
	void createAndStartGivesALabelledHardenedRunningContainerWithoutHealthcheck() {
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()));
		RuntimeSpec spec = this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver());

		RuntimeContainer created = this.runtime.createAndStart(spec);
		RuntimeContainer healthy = this.runtime.awaitHealthy(created.id(), Duration.ofSeconds(60));

		assertThat(healthy.state()).isEqualTo(RuntimeContainer.State.RUNNING);
		assertThat(healthy.name()).isEqualTo("caas-" + this.classId + "-s1");
		assertThat(this.runtime.list(Labels.classSelector(this.classId))).singleElement().satisfies(c -> {
			assertThat(c.labels()).containsAllEntriesOf(spec.labels());
			assertThat(c.health()).isEqualTo(RuntimeContainer.Health.NONE);
		});
		InspectContainerResponse raw = docker.docker.inspectContainerCmd(created.id()).exec();
		assertThat(raw.getHostConfig().getMemory()).isEqualTo(1L << 30);
		assertThat(raw.getHostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
		assertThat(raw.getHostConfig().getPidsLimit()).isEqualTo(512L);
		assertThat(raw.getHostConfig().getCapDrop()).extracting(Enum::name).containsExactly("ALL");
		assertThat(raw.getHostConfig().getSecurityOpts()).containsExactly("no-new-privileges");
		assertThat(raw.getHostConfig().getInit()).isTrue();
		assertThat(raw.getHostConfig().getNetworkMode()).isEqualTo(Names.network("caas", this.classId, "s1"));
		assertThat(raw.getHostConfig().getRestartPolicy().getName()).isEqualTo("unless-stopped");
		assertThat(raw.getConfig().getHealthcheck().getTest()).containsExactly("NONE");
		assertThat(raw.getState().getHealth()).isNull();
		assertThat(raw.getConfig().getUser()).isEqualTo("1000");
		assertThat(this.runtime.listNetworks(Labels.classSelector(this.classId)))
			.containsExactly(Names.network("caas", this.classId, "s1"));
	}

	@Test
	void createAndStartWhenTheContainerExistsThenReusesItOnlyIfItIsTheSameStudentsRuntime() {
		assertThat(this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()))).isEmpty();
		assertThat(this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()))).isEmpty();
		RuntimeSpec spec = this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver());
		RuntimeContainer first = this.runtime.createAndStart(spec);

		assertThat(this.runtime.createAndStart(spec).id()).isEqualTo(first.id());
		// what is on a network comes back, so nobody asks to connect it again
		assertThat(this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver())))
			.containsExactly(first.id());
		assertThat(this.runtime.containersOn(spec.network())).containsExactly(first.id());
		assertThat(this.runtime.containersOn(spec.network() + "-none")).isEmpty();

		// made under another configuration (here: another probe token): routing labels
		// differ, ownership does not, so a reopen after an upgrade reuses it
		Map<String, String> rerouted = new HashMap<>(spec.labels());
		rerouted.replaceAll((key, value) -> key.endsWith("-healthz.rule")
				? value.replace(Fixtures.PROBE_TOKEN, "another-probe-token-2") : value);
		assertThat(rerouted).isNotEqualTo(spec.labels());
		assertThat(this.runtime.createAndStart(withLabels(spec, rerouted)).id()).isEqualTo(first.id());

		for (String owner : List.of(Labels.STUDENT, Labels.SESSION, Labels.TEMPLATE)) {
			Map<String, String> foreign = new HashMap<>(spec.labels());
			foreign.put(owner, "someoneelse");
			assertThatThrownBy(() -> this.runtime.createAndStart(withLabels(spec, foreign))).as(owner)
				.isInstanceOf(ContainerRuntimeException.class)
				.hasMessageContaining("other labels");
		}
	}

	private static RuntimeSpec withLabels(RuntimeSpec spec, Map<String, String> labels) {
		return new RuntimeSpec(spec.image(), spec.name(), spec.hostname(), labels, spec.network(), spec.env(),
				spec.user(), spec.workingDir(), spec.memoryBytes(), spec.memorySwapBytes(), spec.nanoCpus(),
				spec.pidsLimit(), spec.capDrop(), spec.securityOpt(), spec.init(), spec.restartUnlessStopped(),
				spec.diskBytes());
	}

	@Test
	void copyOutStreamsTheWorkspaceAsATar() throws Exception {
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()));
		RuntimeContainer c = this.runtime
			.createAndStart(this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver()));
		docker.exec(c.id(), "1000",
				"mkdir -p /home/student/workspace/src && printf 'hello from it' > /home/student/workspace/src/a.txt");

		Map<String, String> files = new HashMap<>();
		try (InputStream in = this.runtime.copyOut(c.id(), "/home/student/workspace");
				TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				if (entry.isFile()) {
					files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}

		assertThat(files).containsEntry("workspace/src/a.txt", "hello from it");
	}

	@Test
	void aKeptNetworkWhoseIsolationNoLongerFitsIsReplacedButNeverUnderARuntimeEvenStopped() {
		NetworkSpec egress = this.specs.network(this.classId, "s1", Fixtures.codeserver());
		NetworkSpec exam = new NetworkSpec(egress.name(), egress.labels(), true);
		this.runtime.ensureNetwork(egress);
		String before = networkId(egress.name());
		// Traefik's stand-in: joined to the kept network, not a runtime of ours
		String hub = docker.docker.createContainerCmd(DockerTestSupport.RUNTIME_IMAGE)
			.withName("itdock-hub-" + this.classId)
			.withEntrypoint("sleep", "infinity")
			.exec()
			.getId();
		try {
			docker.docker.startContainerCmd(hub).exec();
			this.runtime.connect(egress.name(), hub);

			this.runtime.ensureNetwork(exam);

			assertThat(docker.networks(Labels.classSelector(this.classId))).singleElement().satisfies(n -> {
				assertThat(n.getInternal()).isTrue();
				assertThat(n.getId()).isNotEqualTo(before);
			});
			assertThat(docker.docker.inspectContainerCmd(hub).exec().getNetworkSettings().getNetworks())
				.doesNotContainKey(egress.name());

			RuntimeContainer c = this.runtime
				.createAndStart(this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver()));
			String examId = networkId(egress.name());
			// a runtime on it: left as it is (that runtime is reused, no new one made on
			// it)
			this.runtime.stop(c.id(), Duration.ofSeconds(5));
			this.runtime.ensureNetwork(egress);
			assertThat(networkId(egress.name())).isEqualTo(examId);
			assertThat(docker.networks(Labels.classSelector(this.classId))).singleElement()
				.satisfies(n -> assertThat(n.getInternal()).isTrue());
		}
		finally {
			docker.docker.removeContainerCmd(hub).withForce(true).exec();
		}
	}

	private static String networkId(String name) {
		return docker.docker.inspectNetworkCmd().withNetworkId(name).exec().getId();
	}

	@Test
	void removeDisconnectAndConnectAreIdempotent() {
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()));
		RuntimeContainer c = this.runtime
			.createAndStart(this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver()));
		String other = Names.network("caas", this.classId, "s2");
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s2", Fixtures.codeserver()));

		this.runtime.connect(other, c.id());
		this.runtime.disconnect(other, c.id());
		this.runtime.disconnect(other, c.id());
		this.runtime.connect(other, c.id());
		this.runtime.remove(c.id());
		this.runtime.remove(c.id());
		this.runtime.disconnect(other, c.id());
		this.runtime.removeNetwork(other);
		this.runtime.removeNetwork(other);
		this.runtime.removeNetwork(Names.network("caas", this.classId, "s1"));

		assertThat(this.runtime.inspect(c.id())).isEmpty();
		assertThat(this.runtime.list(Labels.classSelector(this.classId))).isEmpty();
		assertThat(this.runtime.listNetworks(Labels.classSelector(this.classId))).isEmpty();
	}

	@Test
	void awaitHealthyWhenTheContainerDiesThenFailsWithItsExitCode() {
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()));
		RuntimeContainer c = this.runtime
			.createAndStart(this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver()));
		docker.docker.killContainerCmd(c.id()).exec();

		assertThatThrownBy(() -> this.runtime.awaitHealthy(c.id(), Duration.ofSeconds(30)))
			.isInstanceOf(ContainerRuntimeException.class)
			.hasMessageContaining("exited with code 137");
		assertThat(this.runtime.list(Labels.classSelector(this.classId))).singleElement()
			.satisfies(dead -> assertThat(dead.state()).isEqualTo(RuntimeContainer.State.EXITED));
	}

	@Test
	void lookupsWhenAnotherInstallationSharesTheEngineThenSeeOnlyTheirOwn() {
		Installation orcother = Installation.of("orcother");
		DockerContainerRuntime other = new DockerContainerRuntime(
				new DockerProperties(DockerTestSupport.HOST, "1.41", Duration.ofMinutes(2), Duration.ofMillis(200)),
				orcother);
		StudentSpecs otherSpecs = new StudentSpecs(Fixtures.urls(), orcother);
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()));
		other.ensureNetwork(otherSpecs.network(this.classId, "s1", Fixtures.codeserver()));
		RuntimeContainer mine = this.runtime
			.createAndStart(this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver()));
		RuntimeContainer theirs = other
			.createAndStart(otherSpecs.container(this.classId, "s1", this.session, Fixtures.codeserver()));

		assertThat(this.runtime.list(Labels.classSelector(this.classId))).extracting(RuntimeContainer::id)
			.containsExactly(mine.id());
		assertThat(other.list(Labels.classSelector(this.classId))).extracting(RuntimeContainer::id)
			.containsExactly(theirs.id());
		assertThat(other.listNetworks(Labels.classSelector(this.classId)))
			.containsExactly("orcother-" + this.classId + "-s1-net");
		assertThatThrownBy(() -> other
			.createAndStart(this.specs.container(this.classId, "s2", this.session, Fixtures.codeserver())))
			.hasMessageContaining("does not carry caas.installation=orcother");
		// memory is the host's: capacity sees both installations' runtimes, with limits
		assertThat(this.runtime.runningLimitsOfAllInstallations(Labels.classSelector(this.classId)))
			.extracting(MemoryLimit::containerId, MemoryLimit::bytes)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(mine.id(), 1L << 30),
					org.assertj.core.groups.Tuple.tuple(theirs.id(), 1L << 30));
	}

	@Test
	void startAndRestartKeepTheWorkspace() throws Exception {
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()));
		RuntimeContainer c = this.runtime
			.createAndStart(this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver()));
		docker.exec(c.id(), "1000", "echo kept > /home/student/workspace/k.txt");
		docker.docker.stopContainerCmd(c.id()).withTimeout(5).exec();

		this.runtime.start(c.id());
		this.runtime.start(c.id());
		this.runtime.restart(c.id());

		assertThat(this.runtime.inspect(c.id()).orElseThrow().state()).isEqualTo(RuntimeContainer.State.RUNNING);
		assertThat(docker.exec(c.id(), "1000", "cat /home/student/workspace/k.txt")).isEqualTo("kept\n");
	}

	@Test
	void aRuntimeCannotWriteMoreThanItsTemplatesDiskLimit() throws Exception {
		Template small = Fixtures.codeserver();
		small = new Template(small.id(), small.displayName(), small.image(), small.port(), small.workspacePath(),
				small.user(), small.memory(), small.cpus(), small.pidsLimit(), true, small.workspaceMaxSize(),
				small.workspaceMaxFiles(), DataSize.ofMegabytes(64));
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", small));
		RuntimeContainer c = this.runtime.createAndStart(this.specs.container(this.classId, "s1", this.session, small));
		// code-server booting while the disk is full may die of it (the runtime's policy
		// restarts it, killing the exec): fill the disk once it has booted
		int port = small.port();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> docker
				.exec(c.id(), "1000", "curl -sf -o /dev/null http://127.0.0.1:" + port + "/healthz && echo up")
				.contains("up"));

		String out = docker.exec(c.id(), "1000", "head -c 200M /dev/zero 2>&1 > /home/student/workspace/big; "
				+ "echo exit=$?; stat -c size=%s /home/student/workspace/big; rm -f /home/student/workspace/big");

		assertThat(out).contains("Disk quota exceeded").doesNotContain("exit=0");
		long written = Long.parseLong(out.substring(out.indexOf("size=") + 5).trim());
		assertThat(written).isLessThanOrEqualTo(DataSize.ofMegabytes(64).toBytes());
		// code-server, still booting while the disk was full, may have died of it and be
		// restarted by the runtime's policy: the workspace must take writes again either
		// way
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreException(ConflictException.class)
			.untilAsserted(() -> assertThat(docker.exec(c.id(), "1000",
					"echo ok > /home/student/workspace/small && cat /home/student/workspace/small"))
				.isEqualTo("ok\n"));
	}

	@Test
	void createAndStartWhenImageIsMissingThenSaysSo() {
		this.runtime.ensureNetwork(this.specs.network(this.classId, "s1", Fixtures.codeserver()));
		RuntimeSpec spec = this.specs.container(this.classId, "s1", this.session, Fixtures.codeserver());
		RuntimeSpec missing = new RuntimeSpec("caas/does-not-exist:0", spec.name(), spec.hostname(), spec.labels(),
				spec.network(), spec.env(), spec.user(), spec.workingDir(), spec.memoryBytes(), spec.memorySwapBytes(),
				spec.nanoCpus(), spec.pidsLimit(), spec.capDrop(), spec.securityOpt(), spec.init(),
				spec.restartUnlessStopped(), spec.diskBytes());

		assertThatThrownBy(() -> this.runtime.createAndStart(missing)).isInstanceOf(ContainerRuntimeException.class)
			.hasMessageContaining("caas/does-not-exist:0");
	}

}
