package io.caas.classes.runtime;

import java.util.Map;

/**
 * A running container's memory limit, of whichever installation runs it.
 *
 * @param bytes the hard memory limit; 0 when the container has none
 */
public record MemoryLimit(String containerId, Map<String, String> labels, long bytes) {

	public MemoryLimit {
		labels = Map.copyOf(labels);
	}

}
