package io.caas.classes.roster;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.caas.common.error.CaasException;

/**
 * When a section runs, in the school's wall-clock time. Stored and validated here; acting
 * on it (opening and closing on time) is the scheduler's job.
 *
 * @param start first day and time, local to {@code timeZone}
 * @param end last day and time, local to {@code timeZone}; after it the section is no
 * longer active
 * @param timeZone an IANA zone id such as {@code Europe/Madrid}
 */
public record Schedule(LocalDateTime start, LocalDateTime end, String timeZone) {

	/** This schedule, or a 400 problem saying what is wrong with it. */
	public Schedule validated() {
		if (this.start == null || this.end == null || this.timeZone == null || this.timeZone.isBlank()) {
			throw CaasException.badRequest("invalid-schedule", "schedule needs start, end and timeZone");
		}
		try {
			ZoneId.of(this.timeZone);
		}
		catch (DateTimeException ex) {
			throw CaasException.badRequest("invalid-schedule",
					"schedule timeZone '" + this.timeZone + "' is not a time zone id such as Europe/Madrid");
		}
		if (!this.end.isAfter(this.start)) {
			throw CaasException.badRequest("invalid-schedule", "schedule end must be after its start");
		}
		return this;
	}

	/** The instant the section ends. */
	public Instant endsAt() {
		return this.end.atZone(ZoneId.of(this.timeZone)).toInstant();
	}

}
