package io.caas.classes.capacity;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where admissions meet: one lock held from the capacity check until what was admitted is
 * recorded, and the reservations of opens still running.
 */
public interface CapacityLedger {

	/** Runs {@code admission} alone; the problem why not when the lock cannot be had. */
	<T> T admitting(Supplier<T> admission);

	/** Outstanding reservations, bytes by owner. */
	Map<String, Long> reservations();

	/**
	 * Records the owner's reservation for {@code holder} (the open's operation id) unless
	 * it has one (an open of the class still running, whose reservation stays its own);
	 * it lapses after {@code ttl}.
	 * @return whether this call recorded it
	 */
	boolean reserve(String owner, String holder, long bytes, Duration ttl);

	/**
	 * Ends the owner's reservation if {@code holder} recorded it; none, or another
	 * holder's, is left as it is.
	 */
	void release(String owner, String holder);

}
