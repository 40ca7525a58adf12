package io.caas.classes.idepage;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;

/**
 * What the pages of one class are told by (the class and its runtimes), read at most once
 * per {@code ttl} per class. While a class of 40 opens, each student's browser asks for
 * its starting page every two seconds, and readiness probes more often still: one read of
 * the store and one container listing per class per interval instead of per request. A
 * page may be {@code ttl} late; waking a stopped runtime always reads afresh.
 */
class ClassSnapshots {

	private final ClassRoomRepository classes;

	private final ContainerRuntime runtime;

	private final Cache<String, Snapshot> cache;

	ClassSnapshots(ClassRoomRepository classes, ContainerRuntime runtime, Duration ttl) {
		this.classes = classes;
		this.runtime = runtime;
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
	}

	/** The class as recently read (at most {@code ttl} ago). */
	Snapshot recent(String classId) {
		return this.cache.get(classId, this::read);
	}

	/** The class as it is now; also refreshes what {@link #recent} answers. */
	Snapshot fresh(String classId) {
		Snapshot now = read(classId);
		this.cache.put(classId, now);
		return now;
	}

	private Snapshot read(String classId) {
		Optional<ClassRoom> room = this.classes.findById(classId);
		List<RuntimeContainer> containers = room.isPresent() ? this.runtime.list(Labels.classSelector(classId))
				: List.of();
		return new Snapshot(room, containers);
	}

	/**
	 * One class: absent if unknown; its runtimes (every student's) only when it exists.
	 */
	record Snapshot(Optional<ClassRoom> room, List<RuntimeContainer> containers) {

		Snapshot {
			containers = List.copyOf(containers);
		}

		List<RuntimeContainer> of(String studentId) {
			return this.containers.stream().filter(c -> studentId.equals(c.label(Labels.STUDENT))).toList();
		}

	}

}
