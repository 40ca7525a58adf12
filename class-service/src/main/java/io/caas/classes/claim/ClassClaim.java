package io.caas.classes.claim;

import java.util.function.Supplier;

import io.caas.common.error.CaasException;
import org.redisson.api.RedissonClient;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The short lock ({@code caas:class:<id>:claim}) under which a class's state is read,
 * decided on and changed: a transition's claim (CLOSED → OPENING, ...) and an edit of a
 * closed class run one after the other, so a conditional update on {@code state} sees the
 * other's write even on a store whose conditional updates do not isolate concurrent
 * writers (FerretDB). Apart from the transition's long-held class lock.
 */
@Component
public class ClassClaim {

	private static final long WAIT_SECONDS = 10;

	private static final long LEASE_SECONDS = 30;

	private final RedissonClient redisson;

	public ClassClaim(RedissonClient redisson) {
		this.redisson = redisson;
	}

	/**
	 * Runs {@code claim} alone for this class; 409 {@code class-busy} when another holds
	 * it longer than the wait, 503 {@code coordination-unavailable} when Redis cannot
	 * say.
	 */
	public <T> T claiming(String classId, Supplier<T> claim) {
		return ShortLock
			.holding(this.redisson.getLock("caas:class:" + classId + ":claim"), WAIT_SECONDS, LEASE_SECONDS,
					() -> CaasException.conflict("class-busy",
							"class '" + classId + "' is being claimed by another request"),
					ClassClaim::unavailable, claim);
	}

	/**
	 * Redis, which coordinates class transitions, cannot be reached: nothing was changed.
	 */
	public static CaasException unavailable(RuntimeException cause) {
		CaasException problem = new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "coordination-unavailable",
				"the orchestrator cannot reach Redis, which coordinates class transitions; nothing was changed, "
						+ "try again shortly");
		problem.initCause(cause);
		return problem;
	}

}
