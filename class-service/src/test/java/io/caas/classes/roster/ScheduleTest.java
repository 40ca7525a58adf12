package io.caas.classes.roster;

import java.time.Instant;
import java.time.LocalDateTime;

import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

	private static final LocalDateTime SEPT = LocalDateTime.of(2026, 9, 1, 9, 0);

	private static final LocalDateTime DEC = LocalDateTime.of(2026, 12, 18, 17, 0);

	@Test
	void scheduleEndsAtItsLocalEndInItsZone() {
		Schedule schedule = new Schedule(SEPT, DEC, "Europe/Madrid").validated();
		assertThat(schedule.endsAt()).isEqualTo(Instant.parse("2026-12-18T16:00:00Z"));
	}

	@Test
	void scheduleWhenZoneUnknownThenNamesIt() {
		assertThatThrownBy(() -> new Schedule(SEPT, DEC, "Mars/Olympus").validated())
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.code()).isEqualTo("invalid-schedule"))
			.hasMessageContaining("'Mars/Olympus'");
	}

	@Test
	void scheduleWhenEndNotAfterStartThenRejects() {
		assertThatThrownBy(() -> new Schedule(DEC, SEPT, "UTC").validated()).hasMessageContaining("after its start");
		assertThatThrownBy(() -> new Schedule(SEPT, null, "UTC").validated()).hasMessageContaining("needs start");
	}

	@Test
	void sectionHasEndedOnlyAfterItsScheduleEnds() {
		Section section = new Section(30, true, new Schedule(SEPT, DEC, "UTC"), false);
		assertThat(section.hasEnded(Instant.parse("2026-12-18T16:59:59Z"))).isFalse();
		assertThat(section.hasEnded(Instant.parse("2026-12-18T17:00:00Z"))).isTrue();
		assertThat(Section.NONE.hasEnded(Instant.MAX)).isFalse();
		assertThat(section.seatsLeft(31)).isZero();
		assertThat(Section.NONE.seatsLeft(5)).isNull();
	}

}
