package io.caas.classes.session;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.caas.common.error.CaasException;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One Redis lock per class ({@code caas:class:<id>:lock}), held by whoever touches its
 * containers: a transition worker for its whole run, the reconciler while it heals.
 */
@Component
public class ClassLocks {

	private static final long CLAIM_WAIT_SECONDS = 10;

	private static final long CLAIM_LEASE_SECONDS = 30;

	private final RedissonClient redisson;

	public ClassLocks(RedissonClient redisson) {
		this.redisson = redisson;
	}

	public RLock of(String classId) {
		return this.redisson.getLock("caas:class:" + classId + ":lock");
	}

	/**
	 * Runs a claim of the class's state alone: two requests for the same class (a double
	 * click) read, decide and claim one after the other, so the conditional update of the
	 * second sees the first one's claim even on a store whose conditional updates do not
	 * isolate concurrent writers (FerretDB). A short lock of its own
	 * ({@code caas:class:<id>:claim}), apart from the transition's long-held one.
	 */
	<T> T claiming(String classId, Supplier<T> claim) {
		RLock lock = this.redisson.getLock("caas:class:" + classId + ":claim");
		boolean taken;
		try {
			taken = lock.tryLock(CLAIM_WAIT_SECONDS, CLAIM_LEASE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(new IllegalStateException("interrupted while waiting for the claim lock", ex));
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
		if (!taken) {
			throw CaasException.conflict("class-busy", "class '" + classId + "' is being claimed by another request");
		}
		try {
			return claim.get();
		}
		finally {
			try {
				lock.unlock();
			}
			catch (RuntimeException ex) {
				// its lease ends it
			}
		}
	}

	/**
	 * Asks Redis whether the class is locked, which fails when Redis cannot be reached: a
	 * transition is refused (503) before anything is claimed rather than accepted and
	 * left without an owner.
	 */
	void requireReachable(String classId) {
		try {
			of(classId).isLocked();
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	static CaasException unavailable(RuntimeException cause) {
		CaasException problem = new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "coordination-unavailable",
				"the orchestrator cannot reach Redis, which coordinates class transitions; nothing was changed, "
						+ "try again shortly");
		problem.initCause(cause);
		return problem;
	}

}
