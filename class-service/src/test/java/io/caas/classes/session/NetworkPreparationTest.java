package io.caas.classes.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.claim.ClassClaim;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.roster.ClassRosterChanged;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class NetworkPreparationTest {

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final StudentSpecs specs = new StudentSpecs(Fixtures.urls(), Fixtures.installation());

	private final RLock lock = mock(RLock.class);

	private String traefik;

	@BeforeEach
	void traefikRuns() {
		this.traefik = this.runtime.run("traefik", Map.of("caas.role", "traefik")).id;
		given(this.classes.findAllById(any())).willAnswer(call -> {
			Iterable<String> ids = call.getArgument(0);
			List<ClassRoom> found = new ArrayList<>();
			ids.forEach(id -> this.classes.findById(id).ifPresent(found::add));
			return found;
		});
		given(this.classes.findById(any())).willReturn(Optional.empty());
		given(this.lock.tryLock()).willReturn(true);
	}

	@Test
	void aClosedClassGetsItsRosterStudentsNetworksWithTraefikOnThem() {
		closed("cs101", "s2", "s1");

		assertThat(preparation(100, true).prepare("cs101")).isEqualTo(2);

		assertThat(this.runtime.networks).containsOnlyKeys("caas-cs101-s1-net", "caas-cs101-s2-net");
		assertThat(this.runtime.events).contains("connect caas-cs101-s1-net " + this.traefik,
				"connect caas-cs101-s2-net " + this.traefik);
		// nothing else: no runtime is made before the class opens
		assertThat(this.runtime.list(Labels.classSelector("cs101"))).isEmpty();
	}

	@Test
	void theNextOpenFindsThemMakesNoNetworkAndDoesNotAskToConnectTraefikAgain() {
		closed("cs101", "s1");
		preparation(100, true).prepare("cs101");
		Object prepared = this.runtime.networks.get("caas-cs101-s1-net");
		this.runtime.events.clear();

		new UpClass(this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()), this.specs,
				new LocalPermits(2), (classId, studentId) -> true, Fixtures.orchestrator(2))
			.run(new UpClass.Plan("cs101", "20261127t070000z-np01", Fixtures.codeserver(), List.of("s1")),
					new RecordingTracker(Transition.UP, "cs101", "20261127t070000z-np01", List.of("s1")).tracker);

		assertThat(this.runtime.networks.get("caas-cs101-s1-net")).isSameAs(prepared);
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("replaceNetwork"))
			.noneMatch(e -> e.startsWith("connect "));
		assertThat(this.runtime.byName("caas-cs101-s1")).isPresent();
	}

	@Test
	void onlyTheFreePlacesOfTheBoundAreFilled() {
		closed("cs900", "s1", "s2");
		preparation(100, true).prepare("cs900");
		closed("cs101", "s1", "s2", "s3");

		// a bound of 4 with cs900's two kept: two of cs101's three
		assertThat(preparation(4, true).prepare("cs101")).isEqualTo(2);
		assertThat(this.runtime.networks).containsOnlyKeys("caas-cs900-s1-net", "caas-cs900-s2-net",
				"caas-cs101-s1-net", "caas-cs101-s2-net");
		assertThat(preparation(4, true).prepare("cs101")).isZero();
	}

	@Test
	void aClassThatIsNotClosedOrUnknownIsLeftToItsOpen() {
		given(this.classes.findById("cs200")).willReturn(Optional.of(room("cs200", ClassState.OPENING, "s1")));

		assertThat(preparation(100, true).prepare("cs200")).isZero();
		assertThat(preparation(100, true).prepare("cs404")).isZero();
		assertThat(this.runtime.networks).isEmpty();
	}

	@Test
	void switchedOffNothingIsPreparedOnARosterChange() {
		closed("cs101", "s1");

		preparation(100, false).on(new ClassRosterChanged("cs101"));
		preparation(0, true).on(new ClassRosterChanged("cs101"));
		assertThat(preparation(0, true).prepare("cs101")).isZero();
		assertThat(this.runtime.networks).isEmpty();

		NetworkPreparation on = preparation(100, true);
		on.on(new ClassRosterChanged("cs101"));
		await().untilAsserted(() -> assertThat(this.runtime.networks).containsOnlyKeys("caas-cs101-s1-net"));
	}

	@Test
	void whileAnOpenACloseOrTheReconcilerHoldsTheClassNothingIsMade() {
		closed("cs101", "s1", "s2");
		given(this.lock.tryLock()).willReturn(false);

		assertThat(preparation(100, true).prepare("cs101")).isZero();
		assertThat(this.runtime.networks).isEmpty();
	}

	@Test
	void aNetworkThatExistsIsNeverReplacedEvenIfItsIsolationNoLongerFits() {
		closed("cs101", "s1", "s2");
		Template exam = new Template("exam", "Exam", "caas/runtime-codeserver:4.139.1-r2", 8080,
				"/home/student/workspace", "1000", "1g", 1, 512, false);
		// made meanwhile by an open of the class on another template
		this.runtime.ensureNetwork(this.specs.network("cs101", "s1", exam));

		assertThat(preparation(100, true).prepare("cs101")).isEqualTo(1);
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("replaceNetwork"));
		assertThat(this.runtime.networks.get("caas-cs101-s1-net").internal()).isTrue();
		assertThat(this.runtime.networks.get("caas-cs101-s2-net").internal()).isFalse();
	}

	private void closed(String classId, String... students) {
		given(this.classes.findById(classId)).willReturn(Optional.of(room(classId, ClassState.CLOSED, students)));
	}

	private NetworkPreparation preparation(int maxKept, boolean enabled) {
		return new NetworkPreparation(this.classes, TemplateCatalog.of(List.of(Fixtures.codeserver())), this.specs,
				this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()),
				new NetworkRetention(this.classes, this.runtime, maxKept), locks(), enabled);
	}

	private ClassLocks locks() {
		RedissonClient redisson = mock(RedissonClient.class);
		given(redisson.getLock(any(String.class))).willReturn(this.lock);
		return new ClassLocks(redisson, new ClassClaim(redisson));
	}

	private static ClassRoom room(String id, ClassState state, String... students) {
		return new ClassRoom(id, "Intro", "CS", "codeserver", "teacher1", List.of(students), state, "sess", "op",
				Instant.parse("2026-11-25T00:00:00Z"), 1L);
	}

}
