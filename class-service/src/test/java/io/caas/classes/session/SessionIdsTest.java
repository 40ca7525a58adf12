package io.caas.classes.session;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionIdsTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T23:19:00Z"), ZoneOffset.UTC);

	@Test
	void sessionIdIsLowercaseUtcTimeThenFourRandomCharacters() {
		String id = SessionIds.next(this.clock, new Random(1));
		assertThat(id).matches("^20261124t231900z-[a-z0-9]{4}$");
	}

	@Test
	void sessionIdsStartedTheSameSecondDiffer() {
		Random random = new Random(7);
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			ids.add(SessionIds.next(this.clock, random));
		}
		assertThat(ids).hasSizeGreaterThan(45);
	}

}
