package io.caas.classes.idepage;

import java.util.List;
import java.util.Optional;

import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.runtime.RuntimeContainer.State;

import org.springframework.stereotype.Component;

/**
 * Which page an IDE host gets when Traefik has no runtime router for it: told by the
 * class state and the student's runtime, never by the request beyond its host.
 */
@Component
class IdePages {

	private final ClassRoomRepository classes;

	private final ContainerRuntime runtime;

	private final IdleWake wake;

	IdePages(ClassRoomRepository classes, ContainerRuntime runtime, IdleWake wake) {
		this.classes = classes;
		this.runtime = runtime;
		this.wake = wake;
	}

	/**
	 * The page for {@code <classId>-<studentId>-ide}; a runtime stopped for idleness is
	 * started only if {@code mayWake} (the request passed forward-auth as that host's
	 * student, teacher or an admin).
	 */
	IdePage of(String classId, String studentId, boolean mayWake) {
		ClassRoom room = this.classes.findById(classId).orElse(null);
		if (room == null) {
			return IdePage.unknown();
		}
		List<RuntimeContainer> containers = this.runtime.list(Labels.studentSelector(classId, studentId));
		if (!room.isEnrolled(studentId) && containers.isEmpty()) {
			return IdePage.unknown();
		}
		return switch (room.state()) {
			case CLOSED -> IdePage.notOpen(classId);
			case CLOSING -> IdePage.closing(classId);
			case OPENING -> IdePage.starting(studentId);
			case OPEN -> containers.stream().anyMatch(IdePages::booting) ? IdePage.starting(studentId)
					: wakeIfAllowed(room, studentId, containers, mayWake);
		};
	}

	private IdePage wakeIfAllowed(ClassRoom room, String studentId, List<RuntimeContainer> containers,
			boolean mayWake) {
		return (mayWake ? this.wake.wakeIfIdle(room, studentId, containers) : Optional.<IdePage>empty())
			.orElse(IdePage.notRunning(studentId));
	}

	private static boolean booting(RuntimeContainer c) {
		return c.state() == State.RUNNING || c.state() == State.CREATED || c.state() == State.RESTARTING;
	}

}
