package io.caas.classes.lifecycle;

/**
 * Decides what a requested transition does, from what is known about the class and
 * nothing else (no I/O), so every rule is one row of a table test.
 * <ul>
 * <li>A class OPENING or CLOSING refuses any transition (409 {@code class-busy}).</li>
 * <li>UP of a CLOSED class starts a session; UP of an OPEN class re-ensures every student
 * (heal: missing containers are created, stopped ones started).</li>
 * <li>UP needs students and an allowlisted template (409 {@code roster-empty},
 * {@code template-unavailable}).</li>
 * <li>DOWN of an OPEN class starts closing whatever the roster or template; DOWN of a
 * CLOSED class is a no-op that still answers 202 with an operation already
 * succeeded.</li>
 * </ul>
 */
public final class Transitions {

	private Transitions() {
	}

	public static Decision next(Request request) {
		ClassState state = request.current();
		if (state.isTransient()) {
			return Decision.conflict("class-busy",
					"class is " + state.name().toLowerCase() + "; wait for the running operation to finish");
		}
		if (request.requested() == Transition.DOWN) {
			return (state == ClassState.CLOSED) ? Decision.noOp("class is already closed")
					: Decision.start(ClassState.CLOSING);
		}
		if (request.rosterSize() == 0) {
			return Decision.conflict("roster-empty", "class has no students to open for");
		}
		if (!request.templateAvailable()) {
			return Decision.conflict("template-unavailable", "the class template is no longer allowlisted");
		}
		return Decision.start(ClassState.OPENING);
	}

	/** What is known about the class when a transition is requested. */
	public record Request(ClassState current, Transition requested, int rosterSize, boolean templateAvailable) {
	}

	/** START the transition, NO_OP (already there), or CONFLICT (409 with a code). */
	public record Decision(Kind kind, ClassState target, String code, String message) {

		static Decision start(ClassState target) {
			return new Decision(Kind.START, target, null, null);
		}

		static Decision noOp(String message) {
			return new Decision(Kind.NO_OP, null, null, message);
		}

		static Decision conflict(String code, String message) {
			return new Decision(Kind.CONFLICT, null, code, message);
		}

		public enum Kind {

			START, NO_OP, CONFLICT

		}

	}

}
