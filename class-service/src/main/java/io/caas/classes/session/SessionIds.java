package io.caas.classes.session;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Session ids such as {@code 20261124t231900z-k3x9}: UTC start time, sortable, then four
 * random characters; lowercase only since they end up in labels and object keys.
 */
final class SessionIds {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private SessionIds() {
	}

	/**
	 * When the session started, read from its id; empty for an id of another shape.
	 */
	static Optional<Instant> startedAt(String sessionId) {
		if (sessionId == null || sessionId.length() < 16) {
			return Optional.empty();
		}
		try {
			return Optional.of(Instant.from(FORMAT.parse(sessionId.substring(0, 16).toUpperCase(Locale.ROOT))));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	static String next(Clock clock, RandomGenerator random) {
		StringBuilder id = new StringBuilder(FORMAT.format(clock.instant()).toLowerCase()).append('-');
		for (int i = 0; i < 4; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
