package io.caas.classes.runtime;

import java.util.Map;

/** A bridge network, attachable so Traefik can join it. */
public record NetworkSpec(String name, Map<String, String> labels) {

	public NetworkSpec {
		labels = Map.copyOf(labels);
	}

}
