package io.caas.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a container's cgroup counters from the host, where they stay readable while the
 * container itself can no longer fork (cgroup v1 with the cgroupfs driver, or v2).
 */
record RuntimeCgroup(String containerId) {

	/** The cgroup of a container given by name or (short) id. */
	static RuntimeCgroup of(String container) {
		return new RuntimeCgroup(Docker.run("inspect", "-f", "{{.Id}}", container));
	}

	long pidsCurrent() {
		return read("pids", "pids.current");
	}

	long pidsMax() {
		return read("pids", "pids.max");
	}

	/** How many forks the pids limit refused. */
	long pidsLimitHits() {
		String events = text("pids", "pids.events");
		return Long.parseLong(events.replaceAll("(?s).*max\\s+(\\d+).*", "$1"));
	}

	long memoryLimit() {
		return read("memory", "memory.limit_in_bytes", "memory.max");
	}

	long memoryPeak() {
		return read("memory", "memory.max_usage_in_bytes", "memory.peak");
	}

	private long read(String controller, String... files) {
		return Long.parseLong(text(controller, files).trim());
	}

	private String text(String controller, String... files) {
		for (String file : files) {
			for (Path dir : List.of(Path.of("/sys/fs/cgroup", controller, "docker", this.containerId),
					Path.of("/sys/fs/cgroup/system.slice", "docker-" + this.containerId + ".scope"),
					Path.of("/sys/fs/cgroup/docker", this.containerId))) {
				Path path = dir.resolve(file);
				if (Files.isReadable(path)) {
					try {
						return Files.readString(path);
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}
		}
		throw new IllegalStateException("no cgroup file " + List.of(files) + " for " + this.containerId);
	}

}
