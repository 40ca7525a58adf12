package io.caas.classes.idle;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdleRuleTest {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private static final Duration THIRTY = Duration.ofMinutes(30);

	@Test
	void anIdeNobodyEverOpenedIsIdleFromWhenItWasFirstSeenRunning() {
		IdleRule.Heartbeat never = new IdleRule.Heartbeat("expired", 0);

		assertThat(IdleRule.idleFor(never, NOW.minus(Duration.ofMinutes(29)), NOW, THIRTY)).isNull();
		assertThat(IdleRule.idleFor(never, NOW.minus(Duration.ofMinutes(31)), NOW, THIRTY))
			.isEqualTo(Duration.ofMinutes(31));
	}

	@Test
	void theLastHeartbeatCountsWhenItIsNewerThanFirstSeen() {
		Instant firstSeen = NOW.minus(Duration.ofHours(2));
		IdleRule.Heartbeat recent = new IdleRule.Heartbeat("expired", NOW.minus(Duration.ofMinutes(10)).toEpochMilli());
		IdleRule.Heartbeat old = new IdleRule.Heartbeat("expired", NOW.minus(Duration.ofMinutes(45)).toEpochMilli());

		assertThat(IdleRule.idleFor(recent, firstSeen, NOW, THIRTY)).isNull();
		assertThat(IdleRule.idleFor(old, firstSeen, NOW, THIRTY)).isEqualTo(Duration.ofMinutes(45));
	}

	@Test
	void anAliveIdeOrAZeroThresholdIsNeverIdle() {
		Instant longAgo = NOW.minus(Duration.ofDays(1));
		assertThat(IdleRule.idleFor(new IdleRule.Heartbeat("alive", longAgo.toEpochMilli()), longAgo, NOW, THIRTY))
			.isNull();
		assertThat(IdleRule.idleFor(new IdleRule.Heartbeat("expired", 0), longAgo, NOW, Duration.ZERO)).isNull();
	}

	@Test
	void codeServersHealthAnswerIsReadAndAnythingElseIsNot() {
		assertThat(HeartbeatProbe.parse("{\"status\":\"expired\",\"lastHeartbeat\":1764158400000}"))
			.contains(new IdleRule.Heartbeat("expired", 1764158400000L));
		assertThat(HeartbeatProbe.parse("{\"status\":\"alive\",\"lastHeartbeat\":5}").orElseThrow().alive()).isTrue();
		assertThat(HeartbeatProbe.parse("<html>Your IDE is starting</html>")).isEmpty();
		assertThat(HeartbeatProbe.parse("{\"ok\":true}")).isEmpty();
	}

}
