package io.caas.classes.capacity;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.caas.classes.claim.ClassClaim;
import io.caas.common.error.CaasException;
import org.redisson.api.RLock;
import org.redisson.api.RMapCache;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@link CapacityLedger} in Redis: the lock {@code caas:capacity} and the map
 * {@code caas:capacity:reservations} (owner → bytes, each entry with its own TTL, so the
 * reservation of an instance killed mid-open lapses by itself). The names carry no
 * installation id on purpose: installations sharing one Redis also share the engine's
 * memory, so they admit one at a time; installations with a Redis each still count each
 * other's running runtimes (read from the engine), only not each other's reservations.
 * {@code caas:capacity:holders} (owner → operation id, same TTL) says whose reservation
 * it is, so only the open that recorded it ends it.
 */
@Component
class RedisCapacityLedger implements CapacityLedger {

	static final String LOCK = "caas:capacity";

	static final String RESERVATIONS = "caas:capacity:reservations";

	static final String HOLDERS = "caas:capacity:holders";

	private static final Logger log = LoggerFactory.getLogger(RedisCapacityLedger.class);

	private static final long WAIT_SECONDS = 10;

	private static final long LEASE_SECONDS = 30;

	private final RedissonClient redisson;

	RedisCapacityLedger(RedissonClient redisson) {
		this.redisson = redisson;
	}

	@Override
	public <T> T admitting(Supplier<T> admission) {
		RLock lock = this.redisson.getLock(LOCK);
		boolean taken;
		try {
			taken = lock.tryLock(WAIT_SECONDS, LEASE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ClassClaim.unavailable(new IllegalStateException("interrupted waiting for the capacity lock", ex));
		}
		catch (RuntimeException ex) {
			throw ClassClaim.unavailable(ex);
		}
		if (!taken) {
			throw new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "capacity-busy",
					"other opens are being admitted right now; try again shortly");
		}
		try {
			return admission.get();
		}
		finally {
			try {
				lock.unlock();
			}
			catch (RuntimeException ex) {
				// its lease ends it
				log.warn("capacity lock not released reason={}", ex.toString());
			}
		}
	}

	@Override
	public Map<String, Long> reservations() {
		return new HashMap<>(map().readAllMap());
	}

	@Override
	public boolean reserve(String owner, String holder, long bytes, Duration ttl) {
		if (map().putIfAbsent(owner, bytes, ttl.toMillis(), TimeUnit.MILLISECONDS) != null) {
			return false;
		}
		holders().put(owner, holder, ttl.toMillis(), TimeUnit.MILLISECONDS);
		return true;
	}

	@Override
	public void release(String owner, String holder) {
		try {
			if (holders().remove(owner, holder)) {
				map().fastRemove(owner);
			}
		}
		catch (RuntimeException ex) {
			// the entry's TTL ends it
			log.warn("capacity reservation not released owner={} reason={}", owner, ex.toString());
		}
	}

	private RMapCache<String, String> holders() {
		return this.redisson.getMapCache(HOLDERS);
	}

	private RMapCache<String, Long> map() {
		return this.redisson.getMapCache(RESERVATIONS);
	}

}
