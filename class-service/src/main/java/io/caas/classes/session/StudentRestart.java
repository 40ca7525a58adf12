package io.caas.classes.session;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Restarts one student's runtime in an open class, keeping their workspace (it lives in
 * the container). Refused while the class is opening or closing, and while anything else
 * holds the class lock. The IDE host shows our starting page until the IDE answers again.
 */
@Service
class StudentRestart {

	private static final Logger log = LoggerFactory.getLogger(StudentRestart.class);

	private final ClassAccess access;

	private final ClassLocks locks;

	private final ContainerRuntime runtime;

	StudentRestart(ClassAccess access, ClassLocks locks, ContainerRuntime runtime) {
		this.access = access;
		this.locks = locks;
		this.runtime = runtime;
	}

	void restart(Identity who, String classId, String studentId) {
		ClassRoom room = this.access.manageable(who, classId);
		requireOpen(room);
		RLock lock = this.locks.of(classId);
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
		try {
			requireOpen(this.access.manageable(who, classId));
			List<RuntimeContainer> containers = this.runtime.list(Labels.studentSelector(classId, studentId));
			if (containers.isEmpty()) {
				throw CaasException.notFound("runtime of student", studentId);
			}
			containers.forEach(c -> this.runtime.restart(c.id()));
			log.info("student runtime restarted classId={} studentId={} by={}", classId, studentId, who.username());
		}
		finally {
			lock.unlock();
		}
	}

	private static void requireOpen(ClassRoom room) {
		if (room.state().isTransient()) {
			throw CaasException.conflict("class-busy",
					"class is " + room.state().name().toLowerCase() + "; wait for the running operation to finish");
		}
		if (room.state() != ClassState.OPEN) {
			throw CaasException.conflict("class-not-open", "class '" + room.id() + "' is not open");
		}
	}

	private static CaasException busy(String classId) {
		return CaasException.conflict("class-busy", "class '" + classId + "' is being changed; try again shortly");
	}

}
