package io.caas.classes.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ImageFile;
import io.caas.classes.runtime.MemoryLimit;
import io.caas.classes.runtime.ContainerRuntimeException;
import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.runtime.RuntimeContainer.Health;
import io.caas.classes.runtime.RuntimeContainer.State;
import io.caas.classes.runtime.RuntimeSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An in-memory engine for orchestration tests: containers, networks and workspace files,
 * with failures to inject and a count of how many creates overlap.
 */
public class FakeContainerRuntime implements ContainerRuntime {

	public final Map<String, NetworkSpec> networks = new ConcurrentHashMap<>();

	public final Map<String, Set<String>> connections = new ConcurrentHashMap<>();

	public final Map<String, Fake> containers = new ConcurrentHashMap<>();

	public final List<String> events = new CopyOnWriteArrayList<>();

	public final Set<String> failCreate = ConcurrentHashMap.newKeySet();

	public final Set<String> unhealthy = ConcurrentHashMap.newKeySet();

	public final Set<String> failCopy = ConcurrentHashMap.newKeySet();

	/** Images present on the fake engine, with their labels. */
	public final Map<String, Map<String, String>> images = new ConcurrentHashMap<>();

	/** Files of images (key: image + path), as {@link #readImageFile} reads them. */
	public final Map<String, byte[]> imageFiles = new ConcurrentHashMap<>();

	/** What {@link #hostMemoryBytes()} reports. */
	public volatile long hostMemory = 64L << 30;

	/**
	 * Running runtimes of other installations on the same engine, as
	 * {@link #runningLimitsOfAllInstallations} reports them beside this one's.
	 */
	public final List<MemoryLimit> otherInstallations = new CopyOnWriteArrayList<>();

	private final AtomicInteger creating = new AtomicInteger();

	private final AtomicInteger maxCreating = new AtomicInteger();

	private volatile long createMillis = 0;

	/** Makes each create take a while, so overlapping creates can be observed. */
	public FakeContainerRuntime slowCreates(long millis) {
		this.createMillis = millis;
		return this;
	}

	public int maxConcurrentCreates() {
		return this.maxCreating.get();
	}

	/** A running container carrying {@code labels}, e.g. Traefik. */
	public Fake run(String name, Map<String, String> labels) {
		Fake fake = new Fake(UUID.randomUUID().toString(), name, new TreeMap<>(labels), null);
		this.containers.put(fake.id, fake);
		return fake;
	}

	public Optional<Fake> byName(String name) {
		return this.containers.values().stream().filter(c -> c.name.equals(name)).findFirst();
	}

	@Override
	public Set<String> ensureNetwork(NetworkSpec spec) {
		this.events.add("ensureNetwork " + spec.name());
		NetworkSpec existing = this.networks.putIfAbsent(spec.name(), spec);
		if (existing != null && existing.internal() != spec.internal()) {
			// as the engine adapter: replaced, never under a runtime of ours
			boolean runtimeOn = this.containers.values()
				.stream()
				.anyMatch(c -> "true".equals(c.labels.get("caas.managed"))
						&& ((c.spec != null && spec.name().equals(c.spec.network()))
								|| this.connections.getOrDefault(spec.name(), Set.of()).contains(c.id)));
			if (runtimeOn) {
				// left as it is, for the runtime on it
				return onNetwork(spec.name());
			}
			this.events.add("replaceNetwork " + spec.name());
			this.connections.remove(spec.name());
			this.networks.put(spec.name(), spec);
		}
		return onNetwork(spec.name());
	}

	/**
	 * What the engine lists on a network: what was connected to it, and the containers
	 * created on it.
	 */
	private Set<String> onNetwork(String network) {
		Set<String> on = new HashSet<>(this.connections.getOrDefault(network, Set.of()));
		this.containers.values()
			.stream()
			.filter(c -> c.spec != null && network.equals(c.spec.network()))
			.forEach(c -> on.add(c.id));
		return Set.copyOf(on);
	}

	@Override
	public Set<String> containersOn(String network) {
		this.events.add("containersOn " + network);
		return this.networks.containsKey(network) ? onNetwork(network) : Set.of();
	}

	@Override
	public void removeNetwork(String name) {
		this.events.add("removeNetwork " + name);
		if (this.connections.getOrDefault(name, Set.of()).stream().anyMatch(this.containers::containsKey)) {
			throw new ContainerRuntimeException("network " + name + " has active endpoints");
		}
		this.networks.remove(name);
		this.connections.remove(name);
	}

	@Override
	public void connect(String network, String containerId) {
		this.events.add("connect " + network + " " + containerId);
		this.connections.computeIfAbsent(network, n -> ConcurrentHashMap.newKeySet()).add(containerId);
	}

	@Override
	public void disconnect(String network, String containerId) {
		this.events.add("disconnect " + network + " " + containerId);
		this.connections.getOrDefault(network, new HashSet<>()).remove(containerId);
	}

	@Override
	public RuntimeContainer createAndStart(RuntimeSpec spec) {
		int now = this.creating.incrementAndGet();
		this.maxCreating.accumulateAndGet(now, Math::max);
		try {
			if (this.createMillis > 0) {
				Thread.sleep(this.createMillis);
			}
			if (this.failCreate.contains(spec.name())) {
				throw new ContainerRuntimeException("create " + spec.name() + ": image not found");
			}
			if (!this.networks.containsKey(spec.network())) {
				throw new ContainerRuntimeException("network " + spec.network() + " not found");
			}
			Optional<Fake> twin = byName(spec.name());
			if (twin.isPresent()) {
				twin.get().state = State.RUNNING;
				return twin.get().view();
			}
			Fake fake = new Fake(UUID.randomUUID().toString(), spec.name(), new TreeMap<>(spec.labels()), spec);
			if (this.unhealthy.contains(spec.name())) {
				// an image with an engine healthcheck: STARTING until it fails
				fake.health = Health.STARTING;
			}
			this.containers.put(fake.id, fake);
			this.connections.computeIfAbsent(spec.network(), n -> ConcurrentHashMap.newKeySet()).add(fake.id);
			this.events.add("create " + spec.name());
			return fake.view();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ContainerRuntimeException("interrupted");
		}
		finally {
			this.creating.decrementAndGet();
		}
	}

	@Override
	public void start(String id) {
		Fake fake = this.containers.get(id);
		if (fake == null) {
			throw new ContainerRuntimeException("start " + id + ": no such container");
		}
		this.events.add("start " + fake.name);
		fake.state = State.RUNNING;
	}

	@Override
	public void restart(String id) {
		start(id);
		this.events.add("restart " + this.containers.get(id).name);
	}

	@Override
	public Optional<RuntimeContainer> inspect(String idOrName) {
		return Optional.ofNullable(this.containers.get(idOrName)).or(() -> byName(idOrName)).map(Fake::view);
	}

	@Override
	public List<RuntimeContainer> list(Map<String, String> labels) {
		return this.containers.values()
			.stream()
			.filter(c -> c.labels.entrySet().containsAll(labels.entrySet()))
			.map(Fake::view)
			.toList();
	}

	@Override
	public List<String> listNetworks(Map<String, String> labels) {
		return this.networks.values()
			.stream()
			.filter(n -> n.labels().entrySet().containsAll(labels.entrySet()))
			.map(NetworkSpec::name)
			.toList();
	}

	@Override
	public RuntimeContainer awaitHealthy(String id, Duration timeout) {
		Fake fake = this.containers.get(id);
		if (fake == null) {
			throw new ContainerRuntimeException("container removed");
		}
		if (this.unhealthy.contains(fake.name)) {
			fake.health = Health.UNHEALTHY;
			throw new ContainerRuntimeException("healthcheck failed");
		}
		fake.health = Health.NONE;
		return fake.view();
	}

	@Override
	public InputStream copyOut(String id, String path) {
		Fake fake = this.containers.get(id);
		if (fake == null || this.failCopy.contains(fake.name)) {
			throw new ContainerRuntimeException("copy " + path + " (container or path missing)");
		}
		String folder = path.substring(path.lastIndexOf('/') + 1);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
			tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
			if (fake.rootLink != null) {
				TarArchiveEntry root = new TarArchiveEntry(folder, TarArchiveEntry.LF_SYMLINK);
				root.setLinkName(fake.rootLink);
				tar.putArchiveEntry(root);
				tar.closeArchiveEntry();
				tar.finish();
				return new ByteArrayInputStream(bytes.toByteArray());
			}
			tar.putArchiveEntry(new TarArchiveEntry(folder + "/"));
			tar.closeArchiveEntry();
			for (Map.Entry<String, byte[]> file : fake.files.entrySet()) {
				TarArchiveEntry entry = new TarArchiveEntry(folder + "/" + file.getKey());
				entry.setSize(file.getValue().length);
				tar.putArchiveEntry(entry);
				tar.write(file.getValue());
				tar.closeArchiveEntry();
			}
			for (Map.Entry<String, String> link : fake.symlinks.entrySet()) {
				TarArchiveEntry entry = new TarArchiveEntry(folder + "/" + link.getKey(), TarArchiveEntry.LF_SYMLINK);
				entry.setLinkName(link.getValue());
				tar.putArchiveEntry(entry);
				tar.closeArchiveEntry();
			}
			for (TarArchiveEntry raw : fake.rawEntries) {
				tar.putArchiveEntry(raw);
				tar.closeArchiveEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ByteArrayInputStream(bytes.toByteArray());
	}

	@Override
	public Optional<Map<String, String>> imageLabels(String image) {
		return Optional.ofNullable(this.images.get(image));
	}

	@Override
	public Optional<String> imageId(String image) {
		return this.images.containsKey(image) ? Optional.of("sha256:" + image) : Optional.empty();
	}

	@Override
	public Optional<ImageFile> readImageFile(String image, String path, Map<String, String> labels) {
		this.events.add("readImageFile " + image + " " + path);
		return imageId(image).map(id -> new ImageFile(id, this.imageFiles.get(image + path)));
	}

	@Override
	public void copyIn(String id, String path, InputStream tar) {
		Fake fake = this.containers.get(id);
		if (fake == null || this.failCopy.contains(fake.name)) {
			throw new ContainerRuntimeException("copy into " + path + " (container or path missing)");
		}
		this.events.add("copyIn " + fake.name + " " + path);
		try {
			TarArchiveInputStream in = new TarArchiveInputStream(tar);
			TarArchiveEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.isSymbolicLink()) {
					fake.symlinks.put(entry.getName(), entry.getLinkName());
				}
				else if (entry.isFile()) {
					fake.files.put(entry.getName(), in.readAllBytes());
					fake.modes.put(entry.getName(), entry.getMode() & 07777);
				}
			}
		}
		catch (IOException ex) {
			throw new ContainerRuntimeException("copy into " + path + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void stop(String id, Duration grace) {
		Fake fake = this.containers.get(id);
		if (fake == null) {
			throw new ContainerRuntimeException("stop " + id + ": no such container");
		}
		this.events.add("stop " + fake.name);
		fake.state = State.EXITED;
	}

	@Override
	public void remove(String id) {
		Fake removed = this.containers.remove(id);
		if (removed != null) {
			this.events.add("remove " + removed.name);
		}
	}

	@Override
	public long hostMemoryBytes() {
		return this.hostMemory;
	}

	@Override
	public List<MemoryLimit> runningLimitsOfAllInstallations(Map<String, String> labels) {
		List<MemoryLimit> found = new ArrayList<>();
		for (Fake c : this.containers.values()) {
			boolean running = c.state == State.RUNNING || c.state == State.CREATED || c.state == State.RESTARTING;
			if (running && c.labels.entrySet().containsAll(labels.entrySet())) {
				found.add(new MemoryLimit(c.id, c.labels, (c.spec != null) ? c.spec.memoryBytes() : 0));
			}
		}
		this.otherInstallations.stream()
			.filter(m -> m.labels().entrySet().containsAll(labels.entrySet()))
			.forEach(found::add);
		return found;
	}

	/** One fake container. */
	public static final class Fake {

		public final String id;

		public final String name;

		public final Map<String, String> labels;

		public final RuntimeSpec spec;

		public final Map<String, byte[]> files = new LinkedHashMap<>();

		public final Map<String, String> symlinks = new LinkedHashMap<>();

		/** Permission bits of files written by {@code copyIn}. */
		public final Map<String, Integer> modes = new LinkedHashMap<>();

		/** Entries appended as given (no data), e.g. hostile names or devices. */
		public final List<TarArchiveEntry> rawEntries = new ArrayList<>();

		/** When set, the workspace root itself is a symlink to this target. */
		public volatile String rootLink;

		public volatile State state = State.RUNNING;

		public volatile Health health = Health.NONE;

		Fake(String id, String name, Map<String, String> labels, RuntimeSpec spec) {
			this.id = id;
			this.name = name;
			this.labels = labels;
			this.spec = spec;
		}

		public Fake bytes(String path, byte[] content) {
			this.files.put(path, content);
			return this;
		}

		public Fake file(String path, String content) {
			this.files.put(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return this;
		}

		public RuntimeContainer view() {
			return new RuntimeContainer(this.id, this.name, this.labels, this.state, this.health, null);
		}

	}

	/** Names of the containers, for assertions. */
	public List<String> containerNames() {
		List<String> names = new ArrayList<>();
		this.containers.values().forEach(c -> names.add(c.name));
		return names;
	}

}
