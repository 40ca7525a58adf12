package io.caas.classes.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.roster.Schedule;

/**
 * What the clock does with a class, from what is known about it and nothing else (no
 * I/O), so every rule is a row of a table test.
 * <ul>
 * <li>An OPEN class whose session began {@code maxOpen} ago or more is closed ("open
 * longer than 8h").</li>
 * <li>An OPEN class whose schedule ended after its session began is closed.</li>
 * <li>A CLOSED class is opened from {@code lead} before its scheduled start until its
 * end, unless a session already began in that window (a teacher who closes it early is
 * not overruled).</li>
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
			if (schedule != null && began != null && !now.isBefore(schedule.endsAt())
					&& began.isBefore(schedule.endsAt())) {
				return Action
					.close("closed automatically: its schedule ended at " + schedule.end() + " " + schedule.timeZone());
			}
			return Action.NONE;
		}
		if (facts.state() == ClassState.CLOSED && schedule != null) {
			Instant opensAt = schedule.start().atZone(ZoneId.of(schedule.timeZone())).toInstant().minus(lead);
			boolean inWindow = !now.isBefore(opensAt) && now.isBefore(schedule.endsAt());
			boolean alreadyBegan = began != null && !began.isBefore(opensAt);
			if (inWindow && !alreadyBegan) {
				return new Action(Transition.UP,
						"opened automatically: scheduled from " + schedule.start() + " " + schedule.timeZone());
			}
		}
		return Action.NONE;
	}

	/** {@code 8h}, {@code 90m}, {@code 45s}: the largest whole unit. */
	static String human(Duration d) {
		if (d.toSeconds() % 3600 == 0) {
			return d.toHours() + "h";
		}
		return (d.toSeconds() % 60 == 0) ? d.toMinutes() + "m" : d.toSeconds() + "s";
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
