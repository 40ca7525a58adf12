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
	public boolean reserve(String owner, long bytes, Duration ttl) {
		return this.reserved.putIfAbsent(owner, bytes) == null;
	}

	@Override
	public void release(String owner) {
		this.reserved.remove(owner);
	}

}
