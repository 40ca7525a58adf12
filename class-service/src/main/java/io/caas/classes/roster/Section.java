package io.caas.classes.roster;

import java.time.Instant;

/**
 * How a class runs as a section of its subject.
 *
 * @param capacity most students it takes, or null for no limit (the roster cap still
 * applies)
 * @param selfEnrol whether students may join and leave it themselves
 * @param schedule when it runs, or null
 * @param carryOver whether a new session starts from each student's last collected work
 */
public record Section(Integer capacity, boolean selfEnrol, Schedule schedule, boolean carryOver) {

	public static final Section NONE = new Section(null, false, null, false);

	/** When the section stops being active, or null if it never does. */
	public Instant endsAt() {
		return (this.schedule != null) ? this.schedule.endsAt() : null;
	}

	/** Whether the section's schedule has ended, so it no longer counts as active. */
	public boolean hasEnded(Instant now) {
		Instant end = endsAt();
		return end != null && !end.isAfter(now);
	}

	/** How many more students fit when {@code enrolled} already are, or null if any. */
	public Integer seatsLeft(int enrolled) {
		return (this.capacity != null) ? Math.max(0, this.capacity - enrolled) : null;
	}

}
