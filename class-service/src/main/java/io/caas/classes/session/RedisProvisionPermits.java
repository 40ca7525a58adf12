package io.caas.classes.session;

import java.util.concurrent.TimeUnit;

import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;

import org.springframework.stereotype.Component;

/**
 * {@link ProvisionPermits} shared by every instance. Permits expire after a lease so a
 * crashed instance cannot keep them. The semaphore's size is (re)set before every wait
 * when its key is missing, so permits come back by themselves after Redis restarted
 * empty; a Redis outage fails the waiting student with the driver's reason instead of
 * blocking forever.
 */
@Component
class RedisProvisionPermits implements ProvisionPermits {

	static final String NAME = "caas:provision-permits";

	private static final long RETRY_MILLIS = 2_000;

	private final RPermitExpirableSemaphore semaphore;

	private final int permits;

	private final long leaseMillis;

	RedisProvisionPermits(RedissonClient redisson, OrchestratorProperties properties) {
		this.semaphore = redisson.getPermitExpirableSemaphore(NAME);
		this.permits = properties.provisionPermits();
		this.leaseMillis = properties.permitLease().toMillis();
	}

	@Override
	public Permit acquire() throws InterruptedException {
		while (true) {
			// a no-op while the key exists, whoever set it
			this.semaphore.trySetPermits(this.permits);
			String id = this.semaphore.tryAcquire(RETRY_MILLIS, this.leaseMillis, TimeUnit.MILLISECONDS);
			if (id != null) {
				return () -> this.semaphore.tryRelease(id);
			}
		}
	}

}
