package io.caas.classes.session;

import java.util.concurrent.TimeUnit;

import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;

import org.springframework.stereotype.Component;

/**
 * {@link ProvisionPermits} shared by every instance. Permits expire after a lease so a
 * crashed instance cannot keep them.
 */
@Component
class RedisProvisionPermits implements ProvisionPermits {

	static final String NAME = "caas:provision-permits";

	private final RPermitExpirableSemaphore semaphore;

	private final long leaseMillis;

	RedisProvisionPermits(RedissonClient redisson, OrchestratorProperties properties) {
		this.semaphore = redisson.getPermitExpirableSemaphore(NAME);
		this.semaphore.setPermits(properties.provisionPermits());
		this.leaseMillis = properties.permitLease().toMillis();
	}

	@Override
	public Permit acquire() throws InterruptedException {
		String id = this.semaphore.acquire(this.leaseMillis, TimeUnit.MILLISECONDS);
		return () -> this.semaphore.tryRelease(id);
	}

}
