package io.caas.classes.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.Names;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which student networks of closed classes stay for their next session. Making a bridge
 * network and joining Traefik to it is most of what an open costs the engine beyond
 * starting the runtimes (bench/open-benchmark.sh), and a class opens again every lesson:
 * a closing class keeps the networks of the students still on its roster, Traefik still
 * joined, while this installation keeps at most {@code caas.orchestrator.kept-networks}
 * networks of closed classes that no runtime is on (those of open or closing classes do
 * not count). Past the bound a closing class keeps what still fits, and the reconciler
 * evicts the networks of the closed classes changed longest ago. A kept network holds no
 * runtime (only Traefik); it is a bridge, an interface in Traefik and a few packet-filter
 * rules on the host. An open reuses it (DockerContainerRuntime#ensureNetwork replaces one
 * whose isolation no longer fits the template).
 */
@Component
public class NetworkRetention {

	private final ClassRoomRepository classes;

	private final ContainerRuntime runtime;

	private final int maxKept;

	public NetworkRetention(ClassRoomRepository classes, ContainerRuntime runtime,
			@Value("${caas.orchestrator.kept-networks:100}") int maxKept) {
		this.classes = classes;
		this.runtime = runtime;
		this.maxKept = Math.max(0, maxKept);
	}

	/**
	 * The students of a class, no container of which is left, whose networks stay: those
	 * on its roster, as many as fit beside what other classes keep.
	 */
	public Set<String> keptAtClose(String classId) {
		Optional<ClassRoom> room = (this.maxKept == 0) ? Optional.empty() : this.classes.findById(classId);
		if (room.isEmpty()) {
			return Set.of();
		}
		long elsewhere = kept().stream().filter(n -> !n.classId().equals(classId)).count();
		Set<String> withNetwork = studentsWithNetwork(classId);
		return room.get()
			.students()
			.stream()
			.filter(withNetwork::contains)
			.sorted()
			.limit(Math.max(0, this.maxKept - elsewhere))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The students of a class that have a network now (kept, prepared or in use). */
	Set<String> studentsWithNetwork(String classId) {
		return this.runtime.listNetworks(Labels.classSelector(classId))
			.stream()
			.map(Names::parseNetwork)
			.flatMap(Optional::stream)
			.map(Names.StudentNetwork::studentId)
			.collect(Collectors.toSet());
	}

	/**
	 * How many more networks of closed classes this installation may keep now (what
	 * {@link NetworkPreparation} may make ahead of an open).
	 */
	public int freePlaces() {
		return (this.maxKept == 0) ? 0 : Math.max(0, this.maxKept - kept().size());
	}

	/**
	 * Whether a closed class's network may stay as it is (its student still enrolled).
	 */
	public boolean keeps(ClassRoom room, String studentId) {
		return this.maxKept > 0 && room.isEnrolled(studentId);
	}

	/**
	 * Closed classes whose kept networks go so that at most the bound stays, those
	 * changed longest ago first.
	 */
	public List<String> classesToEvict() {
		Map<String, Long> perClass = kept().stream()
			.collect(Collectors.groupingBy(Names.StudentNetwork::classId, Collectors.counting()));
		long excess = perClass.values().stream().mapToLong(Long::longValue).sum() - this.maxKept;
		if (excess <= 0) {
			return List.of();
		}
		List<ClassRoom> closed = closedClasses(perClass.keySet()).stream()
			.sorted(Comparator.comparing(ClassRoom::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(ClassRoom::id))
			.toList();
		List<String> evicted = new ArrayList<>();
		for (ClassRoom room : closed) {
			if (excess <= 0) {
				break;
			}
			evicted.add(room.id());
			excess -= perClass.get(room.id());
		}
		return List.copyOf(evicted);
	}

	/**
	 * This installation's kept student networks: those of known closed classes that no
	 * runtime of ours is on (an open or closing class's networks are not kept ones).
	 */
	private List<Names.StudentNetwork> kept() {
		Set<String> used = new HashSet<>();
		for (RuntimeContainer c : this.runtime.list(Labels.managedSelector())) {
			used.add(c.label(Labels.CLASS) + "/" + c.label(Labels.STUDENT));
		}
		List<Names.StudentNetwork> idle = this.runtime.listNetworks(Labels.managedSelector())
			.stream()
			.map(Names::parseNetwork)
			.flatMap(Optional::stream)
			.filter(n -> !used.contains(n.classId() + "/" + n.studentId()))
			.toList();
		Set<String> closed = closedClasses(idle.stream().map(Names.StudentNetwork::classId).collect(Collectors.toSet()))
			.stream()
			.map(ClassRoom::id)
			.collect(Collectors.toSet());
		return idle.stream().filter(n -> closed.contains(n.classId())).toList();
	}

	private List<ClassRoom> closedClasses(Set<String> ids) {
		return ids.isEmpty() ? List.of()
				: this.classes.findAllById(ids).stream().filter(r -> r.state() == ClassState.CLOSED).toList();
	}

}
