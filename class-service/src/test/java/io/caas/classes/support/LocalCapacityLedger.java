package io.caas.classes.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.caas.classes.capacity.CapacityLedger;

/** A capacity ledger within one JVM (reservations never lapse). */
public class LocalCapacityLedger implements CapacityLedger {

	private final ReentrantLock lock = new ReentrantLock();

	private final Map<String, Long> reserved = new ConcurrentHashMap<>();

	private final Map<String, String> holders = new ConcurrentHashMap<>();

	@Override
	public <T> T admitting(Supplier<T> admission) {
		this.lock.lock();
		try {
			return admission.get();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Map<String, Long> reservations() {
		return new HashMap<>(this.reserved);
	}

	@Override
	public boolean reserve(String owner, String holder, long bytes, Duration ttl) {
		if (this.reserved.putIfAbsent(owner, bytes) != null) {
			return false;
		}
		this.holders.put(owner, holder);
		return true;
	}

	@Override
	public void release(String owner, String holder) {
		if (this.holders.remove(owner, holder)) {
			this.reserved.remove(owner);
		}
	}

}
