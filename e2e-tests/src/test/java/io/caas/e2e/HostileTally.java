package io.caas.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts hostile cases and which of them were refused, and prints the one summary line a
 * reader looks for: {@code <suite> hostile cases: N tried, N refused}.
 */
final class HostileTally {

	private final String suite;

	private final List<String> accepted = new ArrayList<>();

	private int tried;

	HostileTally(String suite) {
		this.suite = suite;
	}

	/**
	 * Records one case; {@code refused} is what the test observed, {@code detail} why.
	 */
	void record(String name, boolean refused, String detail) {
		this.tried++;
		System.out.printf("  [%s] %s -> %s%n", refused ? "refused" : "ACCEPTED", name, detail);
		if (!refused) {
			this.accepted.add(name + " (" + detail + ")");
		}
	}

	int tried() {
		return this.tried;
	}

	List<String> accepted() {
		return List.copyOf(this.accepted);
	}

	String summary() {
		return this.suite + " hostile cases: " + this.tried + " tried, " + (this.tried - this.accepted.size())
				+ " refused";
	}

}
