package io.caas.classes.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.roster.Schedule;

/**
 * What the clock does with a class, from what is known about it and nothing else (no
 * I/O), so every rule is a row of a table test. A schedule is read as lessons: when its
 * start and end fall on different days and its end time of day is after its start time of
 * day, one lesson every day from the first day to the last, from the start time to the
 * end time (a term of daily lessons); otherwise one lesson from start to end.
 * <ul>
 * <li>An OPEN class whose session began {@code maxOpen} ago or more is closed ("open
 * longer than 8h").</li>
 * <li>An OPEN class whose session began before a lesson that has ended is closed.</li>
 * <li>A CLOSED class is opened from {@code lead} before a lesson until its end, unless a
 * session already began in that window (a teacher who closes it early is not
 * overruled).</li>
 * <li>A class OPENING or CLOSING is left alone.</li>
 * </ul>
 */
final class ClockRule {

	private ClockRule() {
	}

	static Action decide(Facts facts, Instant now, Duration maxOpen, Duration lead) {
		Instant began = facts.sessionStartedAt();
		Schedule schedule = facts.schedule();
		if (facts.state() == ClassState.OPEN) {
			if (!maxOpen.isZero() && began != null && !now.isBefore(began.plus(maxOpen))) {
				return Action.close("closed automatically: open longer than " + human(maxOpen));
			}
			for (Lesson lesson : (schedule != null && began != null) ? lessons(schedule, now) : List.<Lesson>of()) {
				if (!now.isBefore(lesson.ends()) && began.isBefore(lesson.ends())) {
					return Action.close("closed automatically: its scheduled lesson ended at "
							+ lesson.ends().atZone(ZoneId.of(schedule.timeZone())).toLocalDateTime() + " "
							+ schedule.timeZone());
				}
			}
			return Action.NONE;
		}
		if (facts.state() == ClassState.CLOSED && schedule != null) {
			for (Lesson lesson : lessons(schedule, now)) {
				Instant opensAt = lesson.starts().minus(lead);
				boolean inWindow = !now.isBefore(opensAt) && now.isBefore(lesson.ends());
				if (inWindow && (began == null || began.isBefore(opensAt))) {
					return new Action(Transition.UP,
							"opened automatically: lesson scheduled at "
									+ lesson.starts().atZone(ZoneId.of(schedule.timeZone())).toLocalDateTime() + " "
									+ schedule.timeZone());
				}
			}
		}
		return Action.NONE;
	}

	/** The lessons of yesterday, today and tomorrow (or the one lesson), oldest first. */
	static List<Lesson> lessons(Schedule schedule, Instant now) {
		ZoneId zone = ZoneId.of(schedule.timeZone());
		LocalDateTime start = schedule.start();
		LocalDateTime end = schedule.end();
		boolean daily = end.toLocalDate().isAfter(start.toLocalDate())
				&& end.toLocalTime().isAfter(start.toLocalTime());
		if (!daily) {
			return List.of(new Lesson(start.atZone(zone).toInstant(), end.atZone(zone).toInstant()));
		}
		LocalDate today = now.atZone(zone).toLocalDate();
		List<Lesson> lessons = new ArrayList<>();
		for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
			if (!day.isBefore(start.toLocalDate()) && !day.isAfter(end.toLocalDate())) {
				lessons.add(new Lesson(day.atTime(start.toLocalTime()).atZone(zone).toInstant(),
						day.atTime(end.toLocalTime()).atZone(zone).toInstant()));
			}
		}
		return lessons;
	}

	/** {@code 8h}, {@code 90m}, {@code 45s}: the largest whole unit. */
	static String human(Duration d) {
		if (d.toSeconds() % 3600 == 0) {
			return d.toHours() + "h";
		}
		return (d.toSeconds() % 60 == 0) ? d.toMinutes() + "m" : d.toSeconds() + "s";
	}

	/** One lesson of a schedule. */
	record Lesson(Instant starts, Instant ends) {
	}

	/** What is known about a class. */
	record Facts(ClassState state, Instant sessionStartedAt, Schedule schedule) {
	}

	/** A transition to request with its reason, or none. */
	record Action(Transition transition, String reason) {

		static final Action NONE = new Action(null, null);

		static Action close(String reason) {
			return new Action(Transition.DOWN, reason);
		}

	}

}
