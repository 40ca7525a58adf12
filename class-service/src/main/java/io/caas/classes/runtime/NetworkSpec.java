package io.caas.classes.runtime;

import java.util.Map;

/**
 * A bridge network, attachable so Traefik can join it.
 *
 * @param internal no route out of the network (no internet, no host): for templates
 * without egress
 */
public record NetworkSpec(String name, Map<String, String> labels, boolean internal) {

	public NetworkSpec {
		labels = Map.copyOf(labels);
	}

}
