package io.caas.classes.idepage;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.preview.PortShares;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.runtime.RuntimeContainer.State;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which page an IDE host gets when Traefik has no runtime router for it: told by the
 * class state and the student's runtime, never by the request beyond its host. Both are
 * read at most once a second per class ({@link ClassSnapshots}): the pages of a class of
 * 40 that is opening are asked for many times a second.
 */
@Component
class IdePages {

	private final ClassSnapshots snapshots;

	private final IdleWake wake;

	private final PortShares shared;

	/** Every page read afresh (tests). */
	IdePages(ClassRoomRepository classes, ContainerRuntime runtime, IdleWake wake, PortShares shared) {
		this(classes, runtime, wake, shared, Duration.ZERO);
	}

	@Autowired
	IdePages(ClassRoomRepository classes, ContainerRuntime runtime, IdleWake wake, PortShares shared,
			@Value("${caas.ide-pages.snapshot-ttl:1s}") Duration snapshotTtl) {
		this.snapshots = new ClassSnapshots(classes, runtime, snapshotTtl);
		this.wake = wake;
		this.shared = shared;
	}

	/**
	 * The page for a preview host {@code <classId>-<studentId>-p<port>}, which Traefik
	 * sends here when it has no route for it (not shared, class not open, runtime not
	 * running: woken as for the IDE, but only for a shared port) or when nothing answered
	 * on that port.
	 */
	IdePage preview(String classId, String studentId, int port, boolean mayWake) {
		boolean shared = this.shared.isShared(classId, studentId, port);
		IdePage ide = of(classId, studentId, mayWake && shared);
		if (ide.equals(IdePage.unknown())) {
			return ide;
		}
		if (!shared) {
			return IdePage.notShared(studentId, port);
		}
		// an open class's running runtime whose port does not answer (yet)
		return ide.equals(IdePage.starting(studentId)) && isOpenAndRunning(classId, studentId)
				? IdePage.nothingListening(studentId, port) : ide;
	}

	private boolean isOpenAndRunning(String classId, String studentId) {
		ClassSnapshots.Snapshot snapshot = this.snapshots.recent(classId);
		return snapshot.room().map(room -> room.state() == ClassState.OPEN).orElse(false)
				&& snapshot.of(studentId).stream().anyMatch(c -> c.state() == State.RUNNING);
	}

	/**
	 * The page for {@code <classId>-<studentId>-ide}; a runtime stopped for idleness is
	 * started only if {@code mayWake} (the request passed forward-auth as that host's
	 * student, teacher or an admin).
	 */
	IdePage of(String classId, String studentId, boolean mayWake) {
		IdePage page = page(this.snapshots.recent(classId), studentId, false);
		// only a page that would wake the runtime needs the class as it is now
		return (mayWake && page.equals(IdePage.notRunning(studentId)))
				? page(this.snapshots.fresh(classId), studentId, true) : page;
	}

	private IdePage page(ClassSnapshots.Snapshot snapshot, String studentId, boolean mayWake) {
		ClassRoom room = snapshot.room().orElse(null);
		if (room == null) {
			return IdePage.unknown();
		}
		List<RuntimeContainer> containers = snapshot.of(studentId);
		if (!room.isEnrolled(studentId) && containers.isEmpty()) {
			return IdePage.unknown();
		}
		return switch (room.state()) {
			case CLOSED -> IdePage.notOpen(room.id());
			case CLOSING -> IdePage.closing(room.id());
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
