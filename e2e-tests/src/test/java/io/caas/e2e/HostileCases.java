package io.caas.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Tallies hostile requests: each one is tried, and counts as refused only if its answer
 * meets the expectation (a clear 4xx, or a redirect to sign-in for browsers). Prints the
 * tally; the suite fails unless every case was refused.
 */
final class HostileCases {

	private final List<String> failures = new ArrayList<>();

	private int tried;

	private int refused;

	/**
	 * One case: {@code outcome} is what happened, {@code refusedIf} says whether it was
	 * refused.
	 */
	<T> T check(String name, T outcome, Predicate<T> refusedIf) {
		this.tried++;
		boolean ok;
		try {
			ok = refusedIf.test(outcome);
		}
		catch (RuntimeException | AssertionError ex) {
			ok = false;
		}
		if (ok) {
			this.refused++;
		}
		else {
			this.failures.add(name + " -> " + outcome);
		}
		return outcome;
	}

	void check(String name, boolean refusedAndUnchanged) {
		check(name, refusedAndUnchanged, Boolean::booleanValue);
	}

	int tried() {
		return this.tried;
	}

	int refused() {
		return this.refused;
	}

	List<String> failures() {
		return List.copyOf(this.failures);
	}

	String summary() {
		return "hostile cases: " + this.tried + " tried, " + this.refused + " refused";
	}

	/** A clear refusal: 4xx with a problem body (API clients). */
	static boolean problem4xx(RawHttp.Reply reply, int status) {
		return reply.status() == status && reply.isProblem();
	}

	/** A browser refused on an IDE host: sent to the app host to sign in, no IDE. */
	static boolean toSignIn(RawHttp.Reply reply, Stack stack) {
		return reply.status() == 302 && reply.location().contains("://" + stack.appHost())
				&& reply.location().contains("/ide/open?");
	}

}
