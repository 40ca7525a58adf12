package io.caas.classes.roster;

import java.util.function.Function;
import java.util.function.Supplier;

import io.caas.classes.claim.ShortLock;
import io.caas.common.error.CaasException;
import org.redisson.api.RedissonClient;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Serialises the writers of one class's roster (joins, leaves, roster and section
 * changes) with a Redis lock {@code caas:class:<id>:roster}, separate from the long-held
 * transition lock. Needed because FerretDB v1.24 (SQLite) applies an update as read,
 * change, write back the whole document without isolation: measured, 40 simultaneous
 * conditional {@code $push}es all reported success and left 21-24 elements. Under this
 * lock "read, check capacity, write" is atomic among the roster's writers.
 */
@Component
public class RosterLock {

	private static final long WAIT_SECONDS = 15;

	private static final long LEASE_SECONDS = 30;

	private final RedissonClient redisson;

	RosterLock(RedissonClient redisson) {
		this.redisson = redisson;
	}

	public <T> T withLock(String classId, Supplier<T> work) {
		return withLock(classId, () -> unavailable(classId), ex -> unavailable(classId), work);
	}

	/**
	 * The same, with the caller's own problems for a lock held too long and for Redis
	 * failing.
	 */
	public <T> T withLock(String classId, Supplier<CaasException> busy,
			Function<RuntimeException, CaasException> unavailable, Supplier<T> work) {
		return ShortLock.holding(this.redisson.getLock("caas:class:" + classId + ":roster"), WAIT_SECONDS,
				LEASE_SECONDS, busy, unavailable, work);
	}

	private static CaasException unavailable(String classId) {
		return new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "roster-busy",
				"the roster of class '" + classId + "' cannot be changed right now; try again");
	}

}
