package io.caas.classes.lifecycle;

import java.util.stream.Stream;

import io.caas.classes.lifecycle.Transitions.Decision;
import io.caas.classes.lifecycle.Transitions.Decision.Kind;
import io.caas.classes.lifecycle.Transitions.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TransitionsTest {

	/**
	 * The baseline: a closed class of two students on an allowlisted template, asked UP.
	 */
	private static final Request BASE = new Request(ClassState.CLOSED, Transition.UP, 2, true);

	static Stream<Arguments> table() {
		return Stream.of(arguments("baseline", BASE, Kind.START, ClassState.OPENING, null),
				arguments("up of an open class heals", with(ClassState.OPEN, Transition.UP), Kind.START,
						ClassState.OPENING, null),
				arguments("up while opening", with(ClassState.OPENING, Transition.UP), Kind.CONFLICT, null,
						"class-busy"),
				arguments("up while closing", with(ClassState.CLOSING, Transition.UP), Kind.CONFLICT, null,
						"class-busy"),
				arguments("up without students", new Request(ClassState.CLOSED, Transition.UP, 0, true), Kind.CONFLICT,
						null, "roster-empty"),
				arguments("up on a template no longer allowlisted",
						new Request(ClassState.CLOSED, Transition.UP, 2, false), Kind.CONFLICT, null,
						"template-unavailable"),
				arguments("down of a closed class", with(ClassState.CLOSED, Transition.DOWN), Kind.NO_OP, null, null),
				arguments("down of an open class", with(ClassState.OPEN, Transition.DOWN), Kind.START,
						ClassState.CLOSING, null),
				arguments("down while opening", with(ClassState.OPENING, Transition.DOWN), Kind.CONFLICT, null,
						"class-busy"),
				arguments("down while closing", with(ClassState.CLOSING, Transition.DOWN), Kind.CONFLICT, null,
						"class-busy"),
				arguments("down of an open class without students",
						new Request(ClassState.OPEN, Transition.DOWN, 0, true), Kind.START, ClassState.CLOSING, null),
				arguments("down of an open class whose template is gone",
						new Request(ClassState.OPEN, Transition.DOWN, 2, false), Kind.START, ClassState.CLOSING, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void nextTransitionDecides(String row, Request request, Kind kind, ClassState target, String code) {
		Decision decision = Transitions.next(request);
		assertThat(decision.kind()).isEqualTo(kind);
		assertThat(decision.target()).isEqualTo(target);
		assertThat(decision.code()).isEqualTo(code);
		if (kind != Kind.START) {
			assertThat(decision.message()).isNotBlank();
		}
	}

	private static Request with(ClassState state, Transition transition) {
		return new Request(state, transition, BASE.rosterSize(), BASE.templateAvailable());
	}

}
