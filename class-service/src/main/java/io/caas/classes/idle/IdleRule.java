package io.caas.classes.idle;

import java.time.Duration;
import java.time.Instant;

/**
 * When a runtime counts as idle, from code-server's heartbeat and nothing else (no I/O).
 * code-server beats (at most once a minute) on every request but {@code /healthz} and
 * while a browser is connected; {@code /healthz} says {@code alive} within a minute of
 * the last beat. A runtime is idle when its IDE is not alive and neither its last beat
 * nor the moment we first saw it running is more recent than the threshold; a zero
 * threshold never makes it idle.
 */
public final class IdleRule {

	private IdleRule() {
	}

	/** How long it has been idle, or {@code null} when it is not idle (yet). */
	public static Duration idleFor(Heartbeat heartbeat, Instant firstSeen, Instant now, Duration threshold) {
		if (threshold.isZero() || heartbeat.alive()) {
			return null;
		}
		Instant lastBeat = Instant.ofEpochMilli(Math.max(0, heartbeat.lastHeartbeat()));
		Instant lastActive = lastBeat.isAfter(firstSeen) ? lastBeat : firstSeen;
		Duration idle = Duration.between(lastActive, now);
		return (idle.compareTo(threshold) >= 0) ? idle : null;
	}

	/**
	 * code-server's {@code /healthz} answer.
	 *
	 * @param status {@code alive} or {@code expired}
	 * @param lastHeartbeat epoch milliseconds of the last beat, 0 before the first
	 */
	public record Heartbeat(String status, long lastHeartbeat) {

		public boolean alive() {
			return "alive".equals(this.status);
		}

	}

}
