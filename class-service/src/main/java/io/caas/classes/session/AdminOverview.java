package io.caas.classes.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ResourceUse;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * For admins: every class that is not closed, each student's IDE state (as the class
 * status derives it) and the CPU and memory its runtime uses now. Usage is one engine
 * reading per running runtime, taken a few at a time; a reading that fails leaves that
 * student's usage empty rather than failing the page.
 */
@Service
class AdminOverview implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AdminOverview.class);

	private static final long READING_WAIT_SECONDS = 10;

	private final ClassRoomRepository classes;

	private final StatusService status;

	private final ContainerRuntime runtime;

	private final ExecutorService readers = Executors.newFixedThreadPool(4, Thread.ofVirtual().factory());

	private final Clock clock = Clock.systemUTC();

	AdminOverview(ClassRoomRepository classes, StatusService status, ContainerRuntime runtime) {
		this.classes = classes;
		this.status = status;
		this.runtime = runtime;
	}

	Overview of(Identity who) {
		Require.anyOf(who, Role.ADMIN);
		List<ClassRoom> open = this.classes.findAll()
			.stream()
			.filter((room) -> !"CLOSED".equals(String.valueOf(room.state())))
			.toList();
		Map<String, Future<Optional<ResourceUse>>> readings = new HashMap<>();
		for (ClassRoom room : open) {
			for (RuntimeContainer c : this.runtime.list(Labels.classSelector(room.id()))) {
				if (c.state() == RuntimeContainer.State.RUNNING && c.label(Labels.STUDENT) != null) {
					readings.put(room.id() + "/" + c.label(Labels.STUDENT),
							this.readers.submit(() -> this.runtime.stats(c.id())));
				}
			}
		}
		List<OpenClass> result = new ArrayList<>();
		for (ClassRoom room : open) {
			ClassStatus now = this.status.of(who, room.id());
			List<StudentUse> students = now.students()
				.stream()
				.map((s) -> StudentUse.of(s, reading(readings.get(room.id() + "/" + s.studentId()))))
				.toList();
			result.add(OpenClass.of(room, now, students));
		}
		return new Overview(this.clock.instant(), result);
	}

	private static ResourceUse reading(Future<Optional<ResourceUse>> future) {
		if (future == null) {
			return null;
		}
		try {
			return future.get(READING_WAIT_SECONDS, TimeUnit.SECONDS).orElse(null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (Exception ex) {
			log.debug("no usage reading (reason=engine-error): {}", ex.toString());
			return null;
		}
	}

	@Override
	public void destroy() {
		this.readers.shutdownNow();
	}

	record Overview(Instant generatedAt, List<OpenClass> classes) {
	}

	/**
	 * @param ready students whose IDE is ready
	 * @param cpuPercent the class's runtimes together, percent of one core
	 * @param memoryBytes the class's runtimes together
	 */
	record OpenClass(String classId, String name, String teacher, String state, String sessionId, int students,
			int ready, double cpuPercent, long memoryBytes, List<StudentUse> perStudent) {

		static OpenClass of(ClassRoom room, ClassStatus status, List<StudentUse> students) {
			int ready = (int) students.stream().filter((s) -> "READY".equals(s.state())).count();
			double cpu = students.stream().mapToDouble((s) -> (s.cpuPercent() != null) ? s.cpuPercent() : 0).sum();
			long memory = students.stream().mapToLong((s) -> (s.memoryBytes() != null) ? s.memoryBytes() : 0).sum();
			return new OpenClass(room.id(), room.name(), room.teacher(), String.valueOf(status.state()),
					status.sessionId(), students.size(), ready, Math.round(cpu * 10) / 10.0, memory, students);
		}

	}

	/** One student's IDE state and, for a running runtime, its usage now. */
	record StudentUse(String studentId, String state, String reason, Double cpuPercent, Long memoryBytes,
			Long memoryLimitBytes) {

		static StudentUse of(ClassStatus.StudentStatus s, ResourceUse use) {
			return new StudentUse(s.studentId(), s.state().name(), s.reason(), (use != null) ? use.cpuPercent() : null,
					(use != null) ? use.memoryBytes() : null, (use != null) ? use.memoryLimitBytes() : null);
		}

	}

}
