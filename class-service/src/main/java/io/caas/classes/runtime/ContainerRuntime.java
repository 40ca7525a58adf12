package io.caas.classes.runtime;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The one port between orchestration and the container engine. Every operation is
 * idempotent: creating what exists (with the same labels), removing what is gone,
 * connecting what is connected are successes. Failures are
 * {@link ContainerRuntimeException}s. The port is scoped to one installation: every
 * lookup sees only what carries its {@code caas.installation} label, and it refuses to
 * create anything without that label.
 */
public interface ContainerRuntime {

	/**
	 * Creates the network unless one of that name with the same labels and isolation
	 * ({@code internal}) exists; one with the other isolation is replaced, unless a
	 * runtime (running or stopped) is on it: then it is left as it is, for that runtime.
	 * @return the ids of the containers on the network (none for one just made): a caller
	 * need not ask the engine to connect what is connected already (a refused connect
	 * costs the engine five network inspects)
	 */
	Set<String> ensureNetwork(NetworkSpec spec);

	/**
	 * The ids of the containers on the network (one network inspect), none for a missing
	 * network. An endpoint the engine kept without its container is listed under another
	 * key, never as a container id.
	 */
	Set<String> containersOn(String network);

	/** Removes the network; a missing network is fine. */
	void removeNetwork(String name);

	/** Connects a container to a network; already connected is fine. */
	void connect(String network, String containerId);

	/** Disconnects a container from a network; not connected or missing is fine. */
	void disconnect(String network, String containerId);

	/**
	 * Creates and starts the container. When a container of that name exists and carries
	 * every label of the spec it is started if needed and returned; any other container
	 * of that name is an error.
	 */
	RuntimeContainer createAndStart(RuntimeSpec spec);

	Optional<RuntimeContainer> inspect(String idOrName);

	/**
	 * Containers (running or not) of this installation carrying every given label.
	 */
	List<RuntimeContainer> list(Map<String, String> labels);

	/** Names of this installation's networks carrying every given label. */
	List<String> listNetworks(Map<String, String> labels);

	/** Starts a stopped container; a running one is fine. */
	void start(String id);

	/** Restarts the container (stop, then start), keeping its filesystem. */
	void restart(String id);

	/**
	 * Waits until the container runs (and its healthcheck passes, if it has one); fails
	 * fast when it exits or turns unhealthy, and after the timeout.
	 */
	RuntimeContainer awaitHealthy(String id, Duration timeout);

	/** A tar stream of {@code path} inside the container; the caller closes it. */
	InputStream copyOut(String id, String path);

	/**
	 * Extracts a tar stream into the existing folder {@code path} of the container
	 * (running or not), owned by the container's user; fails if the stream fails. The
	 * caller closes the stream.
	 */
	void copyIn(String id, String path, InputStream tar);

	/**
	 * Stops the container (SIGTERM, then SIGKILL after {@code grace}); already stopped is
	 * fine, a missing container is an error.
	 */
	void stop(String id, Duration grace);

	/** Force-removes the container; a missing container is fine. */
	void remove(String id);

	/** Memory of the engine's host in bytes, as the engine reports it. */
	long hostMemoryBytes();

	/**
	 * Memory limits of the running (or created, about to run) containers carrying every
	 * given label, of every installation on the engine: the host's memory is shared
	 * whoever runs on it. The one read-only lookup that is not scoped to this
	 * installation.
	 */
	List<MemoryLimit> runningLimitsOfAllInstallations(Map<String, String> labels);

	/**
	 * The labels of an image present on the engine (empty map if it has none); empty when
	 * the image is not there. Nothing is pulled.
	 */
	default Optional<Map<String, String>> imageLabels(String image) {
		throw new UnsupportedOperationException("image lookups are not supported by " + getClass().getSimpleName());
	}

	/** The id of an image present on the engine; empty when it is not there. */
	default Optional<String> imageId(String image) {
		throw new UnsupportedOperationException("image lookups are not supported by " + getClass().getSimpleName());
	}

	/**
	 * Reads one file of an image without starting anything: a container is created from
	 * it (carrying {@code labels} and the installation's), the file copied out, the
	 * container removed. Empty when the image is not on the engine.
	 */
	default Optional<ImageFile> readImageFile(String image, String path, Map<String, String> labels) {
		throw new UnsupportedOperationException("image reads are not supported by " + getClass().getSimpleName());
	}

	/**
	 * One reading of the container's CPU and memory use (not streamed); empty when the
	 * container is gone or the engine cannot tell.
	 */
	default Optional<ResourceUse> stats(String id) {
		return Optional.empty();
	}

}
