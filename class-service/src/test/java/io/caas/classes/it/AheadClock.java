package io.caas.classes.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, which a test can move ahead: time keeps flowing, from a later point.
 * What is measured against this clock (a class open for hours) happens without waiting.
 */
final class AheadClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	void moveAhead(Duration by) {
		this.ahead = this.ahead.plus(by);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead);
	}

}
