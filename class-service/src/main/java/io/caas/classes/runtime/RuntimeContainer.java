package io.caas.classes.runtime;

import java.util.Locale;
import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param exitCode exit code when exited, else {@code null}
 */
public record RuntimeContainer(String id, String name, Map<String, String> labels, State state, Health health,
		Integer exitCode) {

	public RuntimeContainer {
		labels = Map.copyOf(labels);
	}

	public String label(String key) {
		return this.labels.get(key);
	}

	public boolean isReady() {
		return this.state == State.RUNNING && this.health == Health.HEALTHY;
	}

	/** Engine container states. */
	public enum State {

		CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

		public static State of(String value) {
			try {
				return (value == null) ? UNKNOWN : valueOf(value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return UNKNOWN;
			}
		}

	}

	/** Healthcheck status; {@code NONE} when the container has no healthcheck. */
	public enum Health {

		NONE, STARTING, HEALTHY, UNHEALTHY

	}

}
