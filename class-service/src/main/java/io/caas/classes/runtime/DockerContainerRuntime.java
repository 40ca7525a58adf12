package io.caas.classes.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.caas.classes.installation.Installation;
import io.caas.classes.runtime.RuntimeContainer.Health;
import io.caas.classes.runtime.RuntimeContainer.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@link ContainerRuntime} on the Docker Engine API via docker-java: the only class that
 * knows docker-java. Engine answers that mean "already so" (404 on removal, 409 on a
 * create whose twin exists, 304 on start, "already exists" on connect, "is not connected"
 * on disconnect) are successes.
 */
@Component
class DockerContainerRuntime implements ContainerRuntime, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DockerContainerRuntime.class);

	/** routing.Labels.MANAGED: what CaaS created (a runtime), as against Traefik. */
	private static final String MANAGED_LABEL = "caas.managed";

	/**
	 * Labels under this prefix say whose runtime a container is (installation, class,
	 * student, session, template); the rest (Traefik's) say how it is routed, which a new
	 * configuration may change.
	 */
	private static final String OWNERSHIP_PREFIX = "caas.";

	private final DockerClient docker;

	private final Duration pollInterval;

	private final Installation installation;

	private final DiskBounds diskBounds;

	DockerContainerRuntime(DockerProperties properties, Installation installation) {
		this.installation = installation;
		DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
			.withDockerHost(properties.host())
			.withApiVersion(properties.apiVersion())
			.build();
		ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(properties.host()))
			.sslConfig(config.getSSLConfig())
			.maxConnections(64)
			.connectionTimeout(Duration.ofSeconds(10))
			.responseTimeout(properties.responseTimeout())
			.build();
		this.docker = DockerClientImpl.getInstance(config, http);
		this.pollInterval = properties.pollInterval();
		this.diskBounds = new DiskBounds(this.docker, properties.diskQuota());
	}

	@Override
	public Set<String> ensureNetwork(NetworkSpec spec) {
		requireOwn(spec.name(), spec.labels());
		Optional<Network> existing = findNetwork(spec.name());
		requireLabels(existing, spec);
		if (existing.isPresent() && isInternal(existing) != spec.internal()) {
			// kept from a session of another template (egress or not): never reused for a
			// new runtime; one already on it keeps what it was created with
			if (!replaceNetwork(existing.get(), spec)) {
				return members(existing.get());
			}
			existing = Optional.empty();
		}
		if (existing.isEmpty()) {
			try {
				this.docker.createNetworkCmd()
					.withName(spec.name())
					.withDriver("bridge")
					.withInternal(spec.internal())
					.withAttachable(true)
					.withCheckDuplicate(true)
					.withLabels(spec.labels())
					.exec();
				return Set.of();
			}
			catch (ConflictException ex) {
				existing = findNetwork(spec.name());
			}
			if (existing.isEmpty()) {
				throw new ContainerRuntimeException("network " + spec.name() + " was made and removed meanwhile");
			}
		}
		requireLabels(existing, spec);
		if (isInternal(existing) != spec.internal()) {
			// fail closed: made meanwhile with the other isolation, or not replaced
			throw new ContainerRuntimeException("network " + spec.name() + " exists "
					+ (spec.internal() ? "with" : "without") + " internet egress");
		}
		return members(existing.get());
	}

	@Override
	public Set<String> containersOn(String network) {
		try {
			return findNetwork(network).map(DockerContainerRuntime::members).orElse(Set.of());
		}
		catch (DockerException ex) {
			throw failure("inspect network " + network, ex);
		}
	}

	private static Set<String> members(Network network) {
		return (network.getContainers() != null) ? Set.copyOf(network.getContainers().keySet()) : Set.of();
	}

	/**
	 * A network of that name that is not this student's (of this installation) is never
	 * used.
	 */
	private static void requireLabels(Optional<Network> existing, NetworkSpec spec) {
		Map<String, String> labels = existing.map(Network::getLabels).orElse(Map.of());
		if (existing.isPresent() && !labels.entrySet().containsAll(spec.labels().entrySet())) {
			throw new ContainerRuntimeException("network " + spec.name() + " exists with other labels " + labels);
		}
	}

	private static boolean isInternal(Optional<Network> network) {
		return network.map(Network::getInternal).map(Boolean.TRUE::equals).orElse(false);
	}

	/**
	 * Removes a kept network whose isolation no longer fits its template, once whatever
	 * joined it (Traefik) has left, and answers true; leaves one a runtime of ours is on,
	 * running or stopped (it could not start again without it), and answers false: that
	 * runtime is reused, never a new one created on it.
	 */
	private boolean replaceNetwork(Network network, NetworkSpec spec) {
		try {
			List<Container> runtimes = this.docker.listContainersCmd()
				.withShowAll(true)
				.withNetworkFilter(List.of(network.getId()))
				.withLabelFilter(Map.of(MANAGED_LABEL, "true"))
				.exec();
			if (!runtimes.isEmpty()) {
				log.warn("network kept network={} internal={} wanted={} reason=runtime-on-it container={}", spec.name(),
						!spec.internal(), spec.internal(), runtimes.getFirst().getId());
				return false;
			}
			for (String id : Optional.ofNullable(network.getContainers()).map(Map::keySet).orElse(Set.of())) {
				try {
					// forced: also clears an endpoint its container left behind
					this.docker.disconnectFromNetworkCmd()
						.withNetworkId(network.getId())
						.withContainerId(id)
						.withForce(true)
						.exec();
				}
				catch (NotFoundException ex) {
					// that container is gone already
				}
			}
		}
		catch (DockerException ex) {
			throw failure("replace network " + spec.name(), ex);
		}
		removeNetwork(network.getId());
		return true;
	}

	@Override
	public void removeNetwork(String name) {
		try {
			this.docker.removeNetworkCmd(name).exec();
		}
		catch (NotFoundException ex) {
			// already gone
		}
		catch (DockerException ex) {
			throw failure("remove network " + name, ex);
		}
	}

	@Override
	public void connect(String network, String containerId) {
		try {
			this.docker.connectToNetworkCmd().withNetworkId(network).withContainerId(containerId).exec();
		}
		catch (DockerException ex) {
			if (!String.valueOf(ex.getMessage()).contains("already exists")) {
				throw failure("connect " + containerId + " to " + network, ex);
			}
		}
	}

	@Override
	public void disconnect(String network, String containerId) {
		try {
			this.docker.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(containerId).exec();
		}
		catch (NotFoundException ex) {
			// network or container gone: nothing left to disconnect
		}
		catch (DockerException ex) {
			if (!String.valueOf(ex.getMessage()).contains("is not connected")) {
				throw failure("disconnect " + containerId + " from " + network, ex);
			}
		}
	}

	@Override
	public RuntimeContainer createAndStart(RuntimeSpec spec) {
		requireOwn(spec.name(), spec.labels());
		String id;
		try {
			try {
				id = create(spec, this.diskBounds.storageOpt(spec));
			}
			catch (DockerException ex) {
				if (!this.diskBounds.refusedByEngine(ex)) {
					throw ex;
				}
				id = create(spec, Map.of());
			}
		}
		catch (ConflictException ex) {
			RuntimeContainer twin = inspect(spec.name())
				.orElseThrow(() -> failure("create " + spec.name() + " (conflict, then gone)", ex));
			if (!twin.labels().entrySet().containsAll(ownership(spec.labels()).entrySet())) {
				throw new ContainerRuntimeException(
						"name " + spec.name() + " is taken by a container with other labels");
			}
			if (!twin.labels().entrySet().containsAll(spec.labels().entrySet())) {
				// made under another configuration (an earlier release, another probe
				// token): the same student's runtime, reused as it is; its routes
				// change when it is made again (close, reset)
				log.warn("runtime reused with routing labels of an earlier configuration name={}", spec.name());
			}
			id = twin.id();
		}
		catch (NotFoundException ex) {
			throw failure("create " + spec.name() + " (image " + spec.image() + " or network missing)", ex);
		}
		catch (DockerException ex) {
			throw failure("create " + spec.name(), ex);
		}
		start(id);
		String started = id;
		return inspect(id).orElseThrow(() -> new ContainerRuntimeException("container " + started + " vanished"));
	}

	private String create(RuntimeSpec spec, Map<String, String> storageOpt) {
		return this.docker.createContainerCmd(spec.image())
			.withName(spec.name())
			.withHostName(spec.hostname())
			.withLabels(spec.labels())
			.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList())
			.withUser(spec.user())
			.withWorkingDir(spec.workingDir())
			.withHealthcheck(new HealthCheck().withTest(List.of("NONE")))
			.withHostConfig(
					HostConfig.newHostConfig()
						.withNetworkMode(spec.network())
						.withMemory(spec.memoryBytes())
						.withMemorySwap(spec.memorySwapBytes())
						.withNanoCPUs(spec.nanoCpus())
						.withPidsLimit(spec.pidsLimit())
						.withCapDrop(spec.capDrop().stream().map(Capability::valueOf).toArray(Capability[]::new))
						.withSecurityOpts(spec.securityOpt())
						.withInit(spec.init())
						.withStorageOpt(storageOpt.isEmpty() ? null : storageOpt)
						.withRestartPolicy(spec.restartUnlessStopped() ? RestartPolicy.unlessStoppedRestart()
								: RestartPolicy.noRestart()))
			.exec()
			.getId();
	}

	@Override
	public void start(String id) {
		try {
			this.docker.startContainerCmd(id).exec();
		}
		catch (NotModifiedException ex) {
			// already running
		}
		catch (DockerException ex) {
			throw failure("start " + id, ex);
		}
	}

	@Override
	public void restart(String id) {
		try {
			this.docker.restartContainerCmd(id).withTimeout(10).exec();
		}
		catch (DockerException ex) {
			throw failure("restart " + id, ex);
		}
	}

	@Override
	public Optional<RuntimeContainer> inspect(String idOrName) {
		try {
			return Optional.of(toContainer(this.docker.inspectContainerCmd(idOrName).exec()));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		catch (DockerException ex) {
			throw failure("inspect " + idOrName, ex);
		}
	}

	@Override
	public List<RuntimeContainer> list(Map<String, String> labels) {
		try {
			List<RuntimeContainer> found = new ArrayList<>();
			for (Container c : this.docker.listContainersCmd()
				.withShowAll(true)
				.withLabelFilter(scoped(labels))
				.exec()) {
				String name = (c.getNames() == null || c.getNames().length == 0) ? c.getId() : c.getNames()[0];
				found.add(new RuntimeContainer(c.getId(), name.startsWith("/") ? name.substring(1) : name,
						(c.getLabels() != null) ? c.getLabels() : Map.of(), State.of(c.getState()),
						EngineStatus.health(c.getStatus()), EngineStatus.exitCode(c.getStatus())));
			}
			return found;
		}
		catch (DockerException ex) {
			throw failure("list containers " + labels, ex);
		}
	}

	@Override
	public List<String> listNetworks(Map<String, String> labels) {
		try {
			List<String> filters = scoped(labels).entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.toList();
			return this.docker.listNetworksCmd()
				.withFilter("label", filters)
				.exec()
				.stream()
				.map(Network::getName)
				.toList();
		}
		catch (DockerException ex) {
			throw failure("list networks " + labels, ex);
		}
	}

	@Override
	public RuntimeContainer awaitHealthy(String id, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			RuntimeContainer c = inspect(id).orElseThrow(() -> new ContainerRuntimeException("container removed"));
			if (c.isReady() || (c.state() == State.RUNNING && c.health() == Health.NONE)) {
				return c;
			}
			if (c.state() == State.EXITED || c.state() == State.DEAD) {
				throw new ContainerRuntimeException("container exited with code " + c.exitCode());
			}
			if (c.health() == Health.UNHEALTHY) {
				throw new ContainerRuntimeException("healthcheck failed");
			}
			if (System.nanoTime() > deadline) {
				throw new ContainerRuntimeException("not healthy after " + timeout.toSeconds() + "s");
			}
			try {
				Thread.sleep(this.pollInterval);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ContainerRuntimeException("interrupted while waiting for health", ex);
			}
		}
	}

	@Override
	public InputStream copyOut(String id, String path) {
		try {
			return this.docker.copyArchiveFromContainerCmd(id, path).exec();
		}
		catch (NotFoundException ex) {
			throw failure("copy " + path + " (container or path missing)", ex);
		}
		catch (DockerException ex) {
			throw failure("copy " + path, ex);
		}
	}

	@Override
	public void copyIn(String id, String path, InputStream tar) {
		try {
			this.docker.copyArchiveToContainerCmd(id)
				.withRemotePath(path)
				.withTarInputStream(tar)
				.withCopyUIDGID(true)
				.withNoOverwriteDirNonDir(true)
				.exec();
		}
		catch (NotFoundException ex) {
			throw failure("copy into " + path + " (container or path missing)", ex);
		}
		catch (RuntimeException ex) {
			// a failing tar stream surfaces as the transport's exception, not a
			// DockerException
			throw failure("copy into " + path, ex);
		}
	}

	@Override
	public void stop(String id, Duration grace) {
		try {
			this.docker.stopContainerCmd(id).withTimeout((int) Math.max(1, grace.toSeconds())).exec();
		}
		catch (NotModifiedException ex) {
			// already stopped
		}
		catch (DockerException ex) {
			// a container that exits while the stop is sent answers 500 "is not running"
			if (!String.valueOf(ex.getMessage()).contains("is not running")) {
				throw failure("stop " + id, ex);
			}
		}
	}

	@Override
	public void remove(String id) {
		try {
			this.docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
		}
		catch (NotFoundException ex) {
			// already gone
		}
		catch (ConflictException ex) {
			if (!String.valueOf(ex.getMessage()).contains("already in progress")) {
				throw failure("remove " + id, ex);
			}
		}
		catch (DockerException ex) {
			throw failure("remove " + id, ex);
		}
	}

	@Override
	public Optional<Map<String, String>> imageLabels(String image) {
		try {
			var config = this.docker.inspectImageCmd(image).exec().getConfig();
			Map<String, String> labels = (config != null) ? config.getLabels() : null;
			return Optional.of((labels != null) ? Map.copyOf(labels) : Map.of());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		catch (DockerException ex) {
			throw failure("inspect image " + image, ex);
		}
	}

	@Override
	public Optional<String> imageId(String image) {
		try {
			return DockerImages.id(this.docker, image);
		}
		catch (DockerException ex) {
			throw failure("inspect image " + image, ex);
		}
	}

	@Override
	public Optional<ImageFile> readImageFile(String image, String path, Map<String, String> labels) {
		try {
			return DockerImages.readFile(this.docker, image, path, scoped(labels),
					DockerImages.readerName(this.installation.id(), image));
		}
		catch (DockerException ex) {
			throw failure("read " + path + " of image " + image, ex);
		}
	}

	@Override
	public Optional<ResourceUse> stats(String id) {
		return DockerStats.read(this.docker, id, Duration.ofSeconds(5));
	}

	@Override
	public void destroy() throws IOException {
		this.docker.close();
	}

	private Optional<Network> findNetwork(String name) {
		try {
			return Optional.of(this.docker.inspectNetworkCmd().withNetworkId(name).exec());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	@Override
	public List<MemoryLimit> runningLimitsOfAllInstallations(Map<String, String> labels) {
		try {
			return DockerMemoryLimits.running(this.docker, labels);
		}
		catch (DockerException ex) {
			throw failure("list containers of all installations " + labels, ex);
		}
	}

	@Override
	public long hostMemoryBytes() {
		try {
			return DockerMemoryLimits.host(this.docker);
		}
		catch (RuntimeException ex) {
			throw failure("engine info", ex);
		}
	}

	/** The lookup plus this installation's label: other stacks stay invisible. */
	private Map<String, String> scoped(Map<String, String> labels) {
		Map<String, String> scoped = new HashMap<>(labels);
		scoped.put(Installation.LABEL, this.installation.id());
		return scoped;
	}

	static Map<String, String> ownership(Map<String, String> labels) {
		Map<String, String> own = new java.util.TreeMap<>();
		labels.forEach((key, value) -> {
			if (key.startsWith(OWNERSHIP_PREFIX)) {
				own.put(key, value);
			}
		});
		return own;
	}

	private void requireOwn(String name, Map<String, String> labels) {
		if (!this.installation.id().equals(labels.get(Installation.LABEL))) {
			throw new ContainerRuntimeException(
					name + " does not carry " + Installation.LABEL + "=" + this.installation.id());
		}
	}

	private static RuntimeContainer toContainer(InspectContainerResponse r) {
		InspectContainerResponse.ContainerState s = r.getState();
		Health health = (s.getHealth() == null) ? Health.NONE : EngineStatus.healthOf(s.getHealth().getStatus());
		State state = State.of(s.getStatus());
		Long exit = s.getExitCodeLong();
		Integer exitCode = (state == State.EXITED || state == State.DEAD) && exit != null ? exit.intValue() : null;
		Map<String, String> labels = (r.getConfig().getLabels() != null) ? r.getConfig().getLabels() : Map.of();
		return new RuntimeContainer(r.getId(), r.getName().startsWith("/") ? r.getName().substring(1) : r.getName(),
				labels, state, health, exitCode);
	}

	private static ContainerRuntimeException failure(String what, Exception ex) {
		String message = String.valueOf(ex.getMessage()).replaceAll("\\s+", " ").trim();
		return new ContainerRuntimeException(what + ": " + message, ex);
	}

}
