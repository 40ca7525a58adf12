package io.caas.classes.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.roster.Schedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockRuleTest {

	private static final Duration MAX = Duration.ofHours(8);

	private static final Duration LEAD = Duration.ofMinutes(5);

	/** 09:00–10:30 in Madrid on 26 Nov 2026 (UTC+1): 08:00–09:30Z. */
	private static final Schedule LESSON = new Schedule(LocalDateTime.parse("2026-11-26T09:00"),
			LocalDateTime.parse("2026-11-26T10:30"), "Europe/Madrid");

	@Test
	void anOpenClassPastItsMaximumIsClosedSayingWhy() {
		Instant began = Instant.parse("2026-11-26T00:00:00Z");
		ClockRule.Action action = decide(ClassState.OPEN, began, null, began.plus(MAX));

		assertThat(action.transition()).isEqualTo(Transition.DOWN);
		assertThat(action.reason()).isEqualTo("closed automatically: open longer than 8h");
		assertThat(decide(ClassState.OPEN, began, null, began.plus(MAX).minusSeconds(1)))
			.isEqualTo(ClockRule.Action.NONE);
		assertThat(ClockRule.decide(new ClockRule.Facts(ClassState.OPEN, began, null), began.plus(Duration.ofDays(9)),
				Duration.ZERO, LEAD))
			.as("zero never closes")
			.isEqualTo(ClockRule.Action.NONE);
	}

	@Test
	void aScheduledClassOpensFromTheLeadBeforeItsStartUntilItsEnd() {
		assertThat(decide(ClassState.CLOSED, null, LESSON, Instant.parse("2026-11-26T07:54:59Z")))
			.isEqualTo(ClockRule.Action.NONE);
		ClockRule.Action open = decide(ClassState.CLOSED, null, LESSON, Instant.parse("2026-11-26T07:55:00Z"));
		assertThat(open.transition()).isEqualTo(Transition.UP);
		assertThat(open.reason()).contains("opened automatically");
		assertThat(decide(ClassState.CLOSED, Instant.parse("2026-11-20T08:00:00Z"), LESSON,
				Instant.parse("2026-11-26T09:00:00Z")))
			.as("an older session does not count")
			.extracting(ClockRule.Action::transition)
			.isEqualTo(Transition.UP);
		assertThat(decide(ClassState.CLOSED, null, LESSON, Instant.parse("2026-11-26T09:30:00Z"))).as("after its end")
			.isEqualTo(ClockRule.Action.NONE);
	}

	@Test
	void aTeacherWhoClosedTheScheduledClassEarlyIsNotOverruled() {
		Instant began = Instant.parse("2026-11-26T07:55:10Z");
		assertThat(decide(ClassState.CLOSED, began, LESSON, Instant.parse("2026-11-26T08:30:00Z")))
			.isEqualTo(ClockRule.Action.NONE);
	}

	@Test
	void anOpenScheduledClassIsClosedAtItsEnd() {
		Instant began = Instant.parse("2026-11-26T07:55:10Z");
		assertThat(decide(ClassState.OPEN, began, LESSON, Instant.parse("2026-11-26T09:29:59Z")))
			.isEqualTo(ClockRule.Action.NONE);
		ClockRule.Action close = decide(ClassState.OPEN, began, LESSON, Instant.parse("2026-11-26T09:30:00Z"));
		assertThat(close.transition()).isEqualTo(Transition.DOWN);
		assertThat(close.reason())
			.isEqualTo("closed automatically: its scheduled lesson ended at 2026-11-26T10:30 Europe/Madrid");
		assertThat(decide(ClassState.OPEN, Instant.parse("2026-11-26T09:40:00Z"), LESSON,
				Instant.parse("2026-11-26T09:45:00Z")))
			.as("opened by hand after the lesson ended")
			.isEqualTo(ClockRule.Action.NONE);
	}

	@Test
	void aTermOfDailyLessonsOpensAndClosesEveryDay() {
		Schedule term = new Schedule(LocalDateTime.parse("2026-09-01T09:00"), LocalDateTime.parse("2027-06-30T10:30"),
				"Europe/Madrid");
		ClockRule.Action monday = decide(ClassState.CLOSED, Instant.parse("2026-11-25T07:55:02Z"), term,
				Instant.parse("2026-11-26T07:56:00Z"));
		assertThat(monday.transition()).isEqualTo(Transition.UP);
		assertThat(monday.reason())
			.isEqualTo("opened automatically: lesson scheduled at 2026-11-26T09:00 Europe/Madrid");
		assertThat(decide(ClassState.CLOSED, null, term, Instant.parse("2026-11-26T12:00:00Z"))).as("between lessons")
			.isEqualTo(ClockRule.Action.NONE);
		Instant began = Instant.parse("2026-11-26T07:56:00Z");
		assertThat(decide(ClassState.OPEN, began, term, Instant.parse("2026-11-26T09:00:00Z")))
			.isEqualTo(ClockRule.Action.NONE);
		assertThat(decide(ClassState.OPEN, began, term, Instant.parse("2026-11-26T09:30:00Z")).transition())
			.isEqualTo(Transition.DOWN);
		assertThat(decide(ClassState.CLOSED, null, term, Instant.parse("2027-07-01T08:00:00Z")))
			.as("after the last day")
			.isEqualTo(ClockRule.Action.NONE);
		assertThat(ClockRule.lessons(term, Instant.parse("2026-11-26T12:00:00Z"))).hasSize(3);
	}

	@Test
	void transitioningClassesAreLeftAlone() {
		Instant began = Instant.parse("2026-11-26T00:00:00Z");
		for (ClassState state : new ClassState[] { ClassState.OPENING, ClassState.CLOSING }) {
			assertThat(decide(state, began, LESSON, began.plus(Duration.ofDays(1)))).isEqualTo(ClockRule.Action.NONE);
		}
	}

	@Test
	void durationsReadAsPeopleWriteThem() {
		assertThat(ClockRule.human(Duration.ofHours(8))).isEqualTo("8h");
		assertThat(ClockRule.human(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(ClockRule.human(Duration.ofSeconds(45))).isEqualTo("45s");
	}

	@Test
	void sessionIdsTellWhenTheSessionBegan() {
		assertThat(SessionIds.startedAt("20261124t231900z-k3x9")).contains(Instant.parse("2026-11-24T23:19:00Z"));
		assertThat(SessionIds.startedAt("sess")).isEmpty();
		assertThat(SessionIds.startedAt(null)).isEmpty();
	}

	private static ClockRule.Action decide(ClassState state, Instant began, Schedule schedule, Instant now) {
		return ClockRule.decide(new ClockRule.Facts(state, began, schedule), now, MAX, LEAD);
	}

}
