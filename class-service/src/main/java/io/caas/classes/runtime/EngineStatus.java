package io.caas.classes.runtime;

import java.util.Locale;

import io.caas.classes.runtime.RuntimeContainer.Health;

/** Reads the engine's status words; the list API has them only in human text. */
final class EngineStatus {

	private EngineStatus() {
	}

	/** The health word of inspect ({@code healthy}, {@code starting}, ...). */
	static Health healthOf(String status) {
		return switch (String.valueOf(status).toLowerCase(Locale.ROOT)) {
			case "healthy" -> Health.HEALTHY;
			case "unhealthy" -> Health.UNHEALTHY;
			case "starting" -> Health.STARTING;
			default -> Health.NONE;
		};
	}

	/** Health from a list status such as {@code Up 3 seconds (health: starting)}. */
	static Health health(String status) {
		String s = String.valueOf(status);
		if (s.contains("(healthy)")) {
			return Health.HEALTHY;
		}
		if (s.contains("(unhealthy)")) {
			return Health.UNHEALTHY;
		}
		return s.contains("(health: starting)") ? Health.STARTING : Health.NONE;
	}

	/** Exit code from a list status such as {@code Exited (137) 5 seconds ago}. */
	static Integer exitCode(String status) {
		String s = String.valueOf(status);
		if (!s.startsWith("Exited (")) {
			return null;
		}
		try {
			return Integer.valueOf(s.substring(8, s.indexOf(')')));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
