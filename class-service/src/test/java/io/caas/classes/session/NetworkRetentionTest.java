package io.caas.classes.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.template.Template;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class NetworkRetentionTest {

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final StudentSpecs specs = new StudentSpecs(Fixtures.urls(), Fixtures.installation());

	private String traefik;

	@BeforeEach
	void closedClassWithThreeNetworks() {
		this.traefik = this.runtime.run("traefik", Map.of("caas.role", "traefik")).id;
		given(this.classes.findById("cs101")).willReturn(Optional.of(room("cs101", List.of("s1", "s2"))));
		TraefikAttachment attachment = new TraefikAttachment(this.runtime, Fixtures.routing());
		for (String student : List.of("s1", "s2", "s3")) {
			String network = network("cs101", student);
			attachment.attach(network);
		}
	}

	@Test
	void aClosedClassKeepsItsEnrolledStudentsNetworksWithTraefikOnThem() {
		ClassState state = settlement(200).settle("cs101");

		assertThat(state).isEqualTo(ClassState.CLOSED);
		// s3 left the roster: their network goes, Traefik first
		assertThat(this.runtime.networks).containsOnlyKeys("caas-cs101-s1-net", "caas-cs101-s2-net");
		assertThat(this.runtime.events).containsSubsequence("disconnect caas-cs101-s3-net " + this.traefik,
				"removeNetwork caas-cs101-s3-net");
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("disconnect caas-cs101-s1-net"))
			.noneMatch(e -> e.startsWith("disconnect caas-cs101-s2-net"));
	}

	@Test
	void theNextOpenReusesAKeptNetworkAndReplacesOneWhoseTemplateLostItsEgress() {
		settlement(200).settle("cs101");
		Template exam = new Template("exam", "Exam", "caas/runtime-codeserver:4.139.1-r2", 8080,
				"/home/student/workspace", "1000", "1g", 1, 512, false);

		open(Fixtures.codeserver(), "s1");
		open(exam, "s2");

		assertThat(this.runtime.events).doesNotContain("replaceNetwork caas-cs101-s1-net")
			.contains("replaceNetwork caas-cs101-s2-net");
		assertThat(this.runtime.networks.get("caas-cs101-s1-net").internal()).isFalse();
		assertThat(this.runtime.networks.get("caas-cs101-s2-net").internal()).isTrue();
		assertThat(this.runtime.byName("caas-cs101-s2").orElseThrow().spec.network()).isEqualTo("caas-cs101-s2-net");
	}

	@Test
	void pastTheBoundAClosingClassKeepsWhatStillFits() {
		network("cs999", "s1");
		given(this.classes.findAllById(any()))
			.willReturn(List.of(room("cs999", List.of("s1")), room("cs101", List.of("s1", "s2"))));

		// cs999 keeps one network; of a bound of 2, one is left for cs101
		settlement(2).settle("cs101");

		assertThat(this.runtime.networks).containsOnlyKeys("caas-cs999-s1-net", "caas-cs101-s1-net");
	}

	@Test
	void aRosterStudentWithoutANetworkTakesNoPlace() {
		given(this.classes.findById("cs102")).willReturn(Optional.of(room("cs102", List.of("a0", "s1"))));
		network("cs102", "s1");

		assertThat(retention(1).keptAtClose("cs102")).containsExactly("s1");
	}

	@Test
	void theNetworksOfOpenClassesDoNotCountAgainstTheBound() {
		network("cs500", "s1");
		network("cs500", "s2");
		// cs500 is open: a runtime on each of its networks
		this.runtime.run("caas-cs500-s1", Labels.studentSelector("cs500", "s1"));
		this.runtime.run("caas-cs500-s2", Labels.studentSelector("cs500", "s2"));

		assertThat(retention(2).keptAtClose("cs101")).isEqualTo(Set.of("s1", "s2"));
	}

	@Test
	void pastTheBoundTheClosedClassesChangedLongestAgoAreEvictedFirst() {
		network("cs201", "s1");
		network("cs202", "s1");
		network("cs202", "s2");
		ClassRoom older = room("cs201", List.of("s1"), Instant.parse("2026-11-20T08:00:00Z"));
		ClassRoom newer = room("cs202", List.of("s1", "s2"), Instant.parse("2026-11-26T08:00:00Z"));
		given(this.classes.findAllById(any())).willReturn(List.of(newer, older, room("cs101", List.of("s1", "s2"))));

		// six kept (cs101's three, cs201's one, cs202's two): past a bound of 4, two go
		assertThat(retention(4).classesToEvict()).containsExactly("cs201", "cs101");
		assertThat(retention(6).classesToEvict()).isEmpty();
	}

	@Test
	void aBudgetOfZeroOrAnUnknownClassKeepsNothing() {
		assertThat(retention(0).keptAtClose("cs101")).isEmpty();
		assertThat(retention(0).keeps(room("cs101", List.of("s1")), "s1")).isFalse();
		assertThat(retention(200).keptAtClose("cs404")).isEmpty();
	}

	@Test
	void onlyARosterStudentsNetworkIsKept() {
		ClassRoom room = room("cs101", List.of("s1", "s2"));

		assertThat(retention(200).keptAtClose("cs101")).isEqualTo(Set.of("s1", "s2"));
		assertThat(retention(200).keeps(room, "s1")).isTrue();
		assertThat(retention(200).keeps(room, "s3")).isFalse();
	}

	private String network(String classId, String student) {
		var spec = this.specs.network(classId, student, Fixtures.codeserver());
		this.runtime.ensureNetwork(spec);
		return spec.name();
	}

	private void open(Template template, String student) {
		new UpClass(this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()), this.specs,
				new LocalPermits(2), (classId, studentId) -> true, Fixtures.orchestrator(2))
			.run(new UpClass.Plan("cs101", "20261127t010000z-nr02", template, List.of(student)),
					new RecordingTracker(Transition.UP, "cs101", "20261127t010000z-nr02", List.of(student)).tracker);
	}

	private NetworkRetention retention(int max) {
		return new NetworkRetention(this.classes, this.runtime, max);
	}

	private ClassSettlement settlement(int max) {
		return new ClassSettlement(this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()),
				retention(max));
	}

	private static ClassRoom room(String id, List<String> students) {
		return room(id, List.copyOf(students), Instant.parse("2026-11-25T00:00:00Z"));
	}

	private static ClassRoom room(String id, List<String> students, Instant updatedAt) {
		return new ClassRoom(id, "Intro", "CS", "codeserver", "teacher1", students, ClassState.CLOSED, "sess", "op",
				updatedAt, 1L);
	}

}
