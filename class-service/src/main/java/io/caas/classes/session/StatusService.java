package io.caas.classes.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caas.classes.idle.IdleStops;
import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.IdeProbe;
import io.caas.classes.routing.IdeUrls;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.session.ClassStatus.StudentStatus;
import io.caas.common.identity.Identity;

import org.springframework.stereotype.Service;

/**
 * Class status read from the engine (containers found by label) and the edge (a running
 * IDE is READY once it answers through Traefik), not from stored flags.
 */
@Service
class StatusService {

	private final ClassAccess access;

	private final ContainerRuntime runtime;

	private final IdeUrls urls;

	private final IdeProbe probe;

	private final IdleStops idleStops;

	StatusService(ClassAccess access, ContainerRuntime runtime, IdeUrls urls, IdeProbe probe, IdleStops idleStops) {
		this.idleStops = idleStops;
		this.access = access;
		this.runtime = runtime;
		this.urls = urls;
		this.probe = probe;
	}

	ClassStatus of(Identity who, String classId) {
		ClassRoom room = this.access.visible(who, classId);
		Map<String, RuntimeContainer> containers = new LinkedHashMap<>();
		for (RuntimeContainer c : this.runtime.list(Labels.classSelector(classId))) {
			if (c.label(Labels.STUDENT) != null) {
				containers.merge(c.label(Labels.STUDENT), c, (a, b) -> a.isReady() ? a : b);
			}
		}
		List<String> students = new ArrayList<>(room.students());
		containers.keySet().stream().filter(s -> !students.contains(s)).forEach(students::add);
		boolean everyone = ClassAccess.seesRoster(who, room);
		List<StudentStatus> result = students.stream()
			.filter(s -> everyone || s.equals(who.username()))
			.map(s -> idle(containers.get(s),
					reachable(classId, StudentStatus.observe(s, this.urls.of(classId, s), containers.get(s)))))
			.toList();
		return new ClassStatus(classId, room.state(), room.sessionId(), everyone ? room.operationId() : null, result);
	}

	/** A runtime we stopped for idleness is STOPPED, not FAILED. */
	private StudentStatus idle(RuntimeContainer container, StudentStatus status) {
		if (container == null || !this.idleStops.isIdleStopped(container)) {
			return status;
		}
		return new StudentStatus(status.studentId(), status.ideUrl(), ClassStatus.IdeState.STOPPED,
				"idle: stopped because nobody used it; opening the IDE starts it again");
	}

	/** A running runtime is READY only once its IDE answers through the edge. */
	private StudentStatus reachable(String classId, StudentStatus status) {
		if (status.state() != ClassStatus.IdeState.READY || this.probe.answers(classId, status.studentId())) {
			return status;
		}
		return new StudentStatus(status.studentId(), status.ideUrl(), ClassStatus.IdeState.STARTING, null);
	}

}
