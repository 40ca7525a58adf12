package io.caas.classes.claim;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.caas.common.error.CaasException;
import org.redisson.api.RLock;

/**
 * Runs a short piece of work alone under a leased Redisson lock: the one mechanism behind
 * the class claim ({@link ClassClaim}) and the roster lock. Not taken within the wait →
 * the caller's {@code busy} problem; Redis failing or the wait interrupted → its
 * {@code unavailable} problem; the lock is given back by the thread that took it (its
 * lease ends it if Redis cannot be told).
 */
public final class ShortLock {

	private ShortLock() {
	}

	public static <T> T holding(RLock lock, long waitSeconds, long leaseSeconds, Supplier<CaasException> busy,
			Function<RuntimeException, CaasException> unavailable, Supplier<T> work) {
		boolean taken;
		try {
			taken = lock.tryLock(waitSeconds, leaseSeconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable.apply(new IllegalStateException("interrupted while waiting for " + lock.getName(), ex));
		}
		catch (RuntimeException ex) {
			throw unavailable.apply(ex);
		}
		if (!taken) {
			throw busy.get();
		}
		try {
			return work.get();
		}
		finally {
			try {
				if (lock.isHeldByCurrentThread()) {
					lock.unlock();
				}
			}
			catch (RuntimeException ex) {
				// its lease ends it
			}
		}
	}

}
