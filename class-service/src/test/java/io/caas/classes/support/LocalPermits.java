package io.caas.classes.support;

import java.util.concurrent.Semaphore;

import io.caas.classes.session.ProvisionPermits;

/** Provision permits within one JVM. */
public class LocalPermits implements ProvisionPermits {

	private final Semaphore semaphore;

	public LocalPermits(int permits) {
		this.semaphore = new Semaphore(permits);
	}

	@Override
	public Permit acquire() throws InterruptedException {
		this.semaphore.acquire();
		return this.semaphore::release;
	}

}
