package io.caas.classes.session;

import java.util.concurrent.TimeUnit;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.common.error.CaasException;
import org.redisson.api.RLock;

/**
 * What a change to one student's runtime needs: an OPEN class (409 {@code class-busy}
 * while it opens or closes, {@code class-not-open} when closed) and its lock taken at
 * once (409 {@code class-busy} while anything else holds it, 503 without Redis).
 */
final class OpenClassGuard {

	private OpenClassGuard() {
	}

	static void requireOpen(ClassRoom room) {
		if (room.state().isTransient()) {
			throw CaasException.conflict("class-busy",
					"class is " + room.state().name().toLowerCase() + "; wait for the running operation to finish");
		}
		if (room.state() != ClassState.OPEN) {
			throw CaasException.conflict("class-not-open", "class '" + room.id() + "' is not open");
		}
	}

	/** The class lock, held by the caller now, or the problem why not. */
	static RLock lockNow(ClassLocks locks, String classId) {
		RLock lock = locks.of(classId);
		boolean locked;
		try {
			locked = lock.tryLock(0, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw busy(classId);
		}
		catch (RuntimeException ex) {
			throw ClassLocks.unavailable(ex);
		}
		if (!locked) {
			throw busy(classId);
		}
		return lock;
	}

	private static CaasException busy(String classId) {
		return CaasException.conflict("class-busy", "class '" + classId + "' is being changed; try again shortly");
	}

}
