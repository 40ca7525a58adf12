package io.caas.classes.session;

import java.util.List;

import io.caas.classes.roster.ClassAccess;
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
		OpenClassGuard.requireOpen(this.access.manageable(who, classId));
		RLock lock = OpenClassGuard.lockNow(this.locks, classId);
		try {
			OpenClassGuard.requireOpen(this.access.manageable(who, classId));
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

}
