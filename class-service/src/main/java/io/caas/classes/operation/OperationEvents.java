package io.caas.classes.operation;

/**
 * Tells every instance that an operation changed, so each can push it to its own
 * subscribers; the operation itself is re-read from the database, which keeps pushes in
 * order.
 */
interface OperationEvents {

	void changed(String operationId, long seq);

	/** Calls {@code listener} after each change until the returned handle is closed. */
	Subscription subscribe(String operationId, Runnable listener);

	/** An active subscription. */
	interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

}
