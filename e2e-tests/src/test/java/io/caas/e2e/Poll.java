package io.caas.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds; returns the last value so the caller can assert on it
 * and print it.
 */
final class Poll {

	private Poll() {
	}

	static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		T value = probe.get();
		while (!done.test(value) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return value;
			}
			value = probe.get();
		}
		return value;
	}

}
