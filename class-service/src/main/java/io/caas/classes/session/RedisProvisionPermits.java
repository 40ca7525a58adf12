package io.caas.classes.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link ProvisionPermits} shared by every instance. A permit's lease is short and
 * renewed every third of it while its holder works, so the permits of an instance killed
 * mid-open come back within one lease instead of blocking every other open. The
 * semaphore's size is (re)set before every wait when its key is missing, so permits come
 * back by themselves after Redis restarted empty; a Redis outage fails the waiting
 * student with the driver's reason instead of blocking forever. A semaphore left with
 * another size (the setting changed since it was made) is resized to this instance's
 * setting on its first wait, so a changed {@code provision-permits} takes effect without
 * emptying Redis.
 */
@Component
class RedisProvisionPermits implements ProvisionPermits, DisposableBean {

	static final String NAME = "caas:provision-permits";

	private static final Logger log = LoggerFactory.getLogger(RedisProvisionPermits.class);

	private static final long RETRY_MILLIS = 2_000;

	private final RPermitExpirableSemaphore semaphore;

	private final int permits;

	private final long leaseMillis;

	private final AtomicBoolean sized = new AtomicBoolean();

	private final ScheduledExecutorService renewals = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("caas-permit-lease").daemon().factory());

	@Autowired
	RedisProvisionPermits(RedissonClient redisson, OrchestratorProperties properties) {
		this(redisson.getPermitExpirableSemaphore(NAME), properties.provisionPermits(),
				properties.permitLease().toMillis());
	}

	RedisProvisionPermits(RPermitExpirableSemaphore semaphore, int permits, long leaseMillis) {
		this.semaphore = semaphore;
		this.permits = permits;
		this.leaseMillis = leaseMillis;
	}

	@Override
	public Permit acquire() throws InterruptedException {
		while (true) {
			// a no-op while the key exists, whoever set it
			if (!this.semaphore.trySetPermits(this.permits) && this.sized.compareAndSet(false, true)) {
				resizeIfChanged();
			}
			String id = this.semaphore.tryAcquire(RETRY_MILLIS, this.leaseMillis, TimeUnit.MILLISECONDS);
			if (id != null) {
				long every = Math.max(1, this.leaseMillis / 3);
				ScheduledFuture<?> renewal = this.renewals.scheduleWithFixedDelay(() -> renew(id), every, every,
						TimeUnit.MILLISECONDS);
				return () -> {
					renewal.cancel(false);
					this.semaphore.tryRelease(id);
				};
			}
		}
	}

	private void resizeIfChanged() {
		int current = this.semaphore.getPermits();
		if (current != this.permits) {
			this.semaphore.setPermits(this.permits);
			log.info("provision permits resized from={} to={}", current, this.permits);
		}
	}

	private void renew(String id) {
		try {
			if (!this.semaphore.updateLeaseTime(id, this.leaseMillis, TimeUnit.MILLISECONDS)) {
				log.warn("provision permit lease not renewed permit={} reason=expired-or-gone", id);
			}
		}
		catch (RuntimeException ex) {
			log.warn("provision permit lease not renewed permit={} reason={}", id, ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.renewals.shutdownNow();
	}

}
