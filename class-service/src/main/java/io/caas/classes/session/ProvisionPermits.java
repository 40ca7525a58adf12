package io.caas.classes.session;

/** The bound on container work happening at once. */
public interface ProvisionPermits {

	/** Blocks until a permit is free. */
	Permit acquire() throws InterruptedException;

	/** A held permit; closing releases it. */
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
