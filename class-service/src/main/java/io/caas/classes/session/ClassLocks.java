package io.caas.classes.session;

import java.util.function.Supplier;

import io.caas.classes.claim.ClassClaim;
import io.caas.common.error.CaasException;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import org.springframework.stereotype.Component;

/**
 * One Redis lock per class ({@code caas:class:<id>:lock}), held by whoever touches its
 * containers: a transition worker for its whole run, the reconciler while it heals.
 */
@Component
public class ClassLocks {

	private final RedissonClient redisson;

	private final ClassClaim claim;

	public ClassLocks(RedissonClient redisson, ClassClaim claim) {
		this.redisson = redisson;
		this.claim = claim;
	}

	public RLock of(String classId) {
		return this.redisson.getLock("caas:class:" + classId + ":lock");
	}

	/**
	 * Held by a student's reset for its whole run, beside the class lock: open and close
	 * refuse to claim the class while it is held ({@code caas:class:<id>:reset}).
	 */
	RLock resetMark(String classId) {
		return this.redisson.getLock("caas:class:" + classId + ":reset");
	}

	/**
	 * Whether a reset of the class is running (its mark is held); {@code true} when Redis
	 * cannot tell, so nobody abandons a reset that may still run.
	 */
	public boolean resetRunning(String classId) {
		try {
			return resetMark(classId).isLocked();
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	/** Runs a claim of the class's state alone ({@link ClassClaim}). */
	<T> T claiming(String classId, Supplier<T> claim) {
		return this.claim.claiming(classId, claim);
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
		return ClassClaim.unavailable(cause);
	}

}
