package io.caas.classes.session;

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

	private final RedissonClient redisson;

	public ClassLocks(RedissonClient redisson) {
		this.redisson = redisson;
	}

	public RLock of(String classId) {
		return this.redisson.getLock("caas:class:" + classId + ":lock");
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
