package io.caas.classes.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.IdeProbe;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.runtime.RuntimeSpec;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.template.Template;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpClassTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	@Test
	void upGivesEachStudentANetworkOfTheirOwnWithTraefikAndOneReachableRuntime() {
		String traefik = this.runtime.run("traefik", java.util.Map.of("caas.role", "traefik")).id;
		RecordingTracker op = tracker(List.of("s1", "s2"));

		up(4).run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(this.runtime.networks).containsOnlyKeys("caas-cs101-s1-net", "caas-cs101-s2-net");
		assertThat(this.runtime.networks.get("caas-cs101-s1-net").internal()).isFalse();
		assertThat(this.runtime.connections.get("caas-cs101-s1-net")).containsExactlyInAnyOrder(traefik,
				this.runtime.byName("caas-cs101-s1").orElseThrow().id);
		assertThat(this.runtime.connections.get("caas-cs101-s2-net")).containsExactlyInAnyOrder(traefik,
				this.runtime.byName("caas-cs101-s2").orElseThrow().id);
		assertThat(this.runtime.containerNames()).contains("caas-cs101-s1", "caas-cs101-s2");
		assertThat(op.last().students()).allMatch(s -> s.state() == StudentStep.READY);
		assertThat(op.last().progress()).isEqualTo(new Operation.Progress(2, 2));
	}

	@Test
	void upGivesTheEngineTheTemplateLimitsAndHardening() {
		up(1).run(plan(List.of("s1")), tracker(List.of("s1")).tracker);

		RuntimeSpec spec = this.runtime.byName("caas-cs101-s1").orElseThrow().spec;
		assertThat(spec.image()).isEqualTo("caas/runtime-codeserver:4.139.1-r2");
		assertThat(spec.network()).isEqualTo("caas-cs101-s1-net");
		assertThat(spec.memoryBytes()).isEqualTo(1L << 30);
		assertThat(spec.memorySwapBytes()).isEqualTo(1L << 30);
		assertThat(spec.nanoCpus()).isEqualTo(1_000_000_000L);
		assertThat(spec.pidsLimit()).isEqualTo(512);
		assertThat(spec.user()).isEqualTo("1000");
		assertThat(spec.capDrop()).containsExactly("ALL");
		assertThat(spec.securityOpt()).containsExactly("no-new-privileges");
		assertThat(spec.init()).isTrue();
		assertThat(spec.restartUnlessStopped()).isTrue();
		assertThat(spec.labels()).containsEntry("caas.session", SESSION)
			.containsEntry("caas.student", "s1")
			.containsEntry("caas.installation", "caas");
	}

	@Test
	void upWhenManyStudentsThenCreatesAtMostPermitsAtOnce() {
		this.runtime.slowCreates(40);
		List<String> students = IntStream.rangeClosed(1, 10).mapToObj(i -> "s" + i).toList();
		RecordingTracker op = tracker(students);

		up(3).run(plan(students), op.tracker);

		assertThat(this.runtime.maxConcurrentCreates()).isBetween(2, 3);
		assertThat(op.last().progress().done()).isEqualTo(10);
	}

	@Test
	void upWhenOneStudentFailsThenOthersAreStillReady() {
		this.runtime.failCreate.add("caas-cs101-s2");
		this.runtime.unhealthy.add("caas-cs101-s3");
		RecordingTracker op = tracker(List.of("s1", "s2", "s3"));

		up(2).run(plan(List.of("s1", "s2", "s3")), op.tracker);

		assertThat(op.student("s1").state()).isEqualTo(StudentStep.READY);
		assertThat(op.student("s2").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s2").reason()).contains("image not found");
		assertThat(op.student("s3").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s3").reason()).contains("healthcheck failed");
		assertThat(op.tracker.finish(null).state()).isEqualTo(io.caas.classes.operation.OperationState.FAILED);
	}

	@Test
	void upReportsProgressInOrder() {
		RecordingTracker op = tracker(List.of("s1", "s2"));

		up(2).run(plan(List.of("s1", "s2")), op.tracker);

		for (String s : List.of("s1", "s2")) {
			assertThat(op.stepsOf(s)).containsExactly(StudentStep.PENDING, StudentStep.CREATING, StudentStep.STARTING,
					StudentStep.READY);
		}
		assertThat(op.snapshots).extracting(Operation::seq).isSorted().doesNotHaveDuplicates();
		assertThat(op.snapshots).extracting(o -> o.progress().done()).isSorted();
	}

	@Test
	void upWhenRunTwiceThenKeepsExistingContainers() {
		up(2).run(plan(List.of("s1")), tracker(List.of("s1")).tracker);
		String first = this.runtime.byName("caas-cs101-s1").orElseThrow().id;
		RecordingTracker again = tracker(List.of("s1", "s2"));

		up(2).run(plan(List.of("s1", "s2")), again.tracker);

		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().id).isEqualTo(first);
		assertThat(again.last().students()).allMatch(s -> s.state() == StudentStep.READY);
	}

	@Test
	void upWhenTemplateHasNoEgressThenNetworksAreInternal() {
		Template exam = Fixtures.codeserver();
		exam = new Template(exam.id(), exam.displayName(), exam.image(), exam.port(), exam.workspacePath(), exam.user(),
				exam.memory(), exam.cpus(), exam.pidsLimit(), false);

		up(1).run(new UpClass.Plan("cs101", SESSION, exam, List.of("s1")), tracker(List.of("s1")).tracker);

		assertThat(this.runtime.networks.get("caas-cs101-s1-net").internal()).isTrue();
	}

	@Test
	void upWhenRunningButNotYetRoutedThenStaysStartingUntilTheEdgeAnswers() {
		AtomicInteger probes = new AtomicInteger();
		RecordingTracker op = tracker(List.of("s1"));

		up(1, (classId, studentId) -> probes.incrementAndGet() >= 3, Duration.ofSeconds(30)).run(plan(List.of("s1")),
				op.tracker);

		assertThat(probes).hasValue(3);
		assertThat(op.stepsOf("s1")).containsExactly(StudentStep.PENDING, StudentStep.CREATING, StudentStep.STARTING,
				StudentStep.READY);
	}

	@Test
	void upWhenTheEdgeNeverAnswersThenFailsThatStudentOnly() {
		RecordingTracker op = tracker(List.of("s1", "s2"));

		up(2, (classId, studentId) -> !studentId.equals("s2"), Duration.ofMillis(600)).run(plan(List.of("s1", "s2")),
				op.tracker);

		assertThat(op.student("s1").state()).isEqualTo(StudentStep.READY);
		assertThat(op.student("s2").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s2").reason()).contains("did not answer through the edge");
	}

	@Test
	void upWhenTheRuntimeExitsWhileBootingThenThatStudentFailsWithoutWaitingForTheTimeout() {
		RecordingTracker op = tracker(List.of("s1"));
		AtomicInteger probes = new AtomicInteger();
		IdeProbe neverAnswers = (classId, studentId) -> {
			if (probes.incrementAndGet() == 3) {
				this.runtime.byName("caas-cs101-s1").orElseThrow().state = RuntimeContainer.State.EXITED;
			}
			return false;
		};

		up(1, neverAnswers, Duration.ofMinutes(5)).run(plan(List.of("s1")), op.tracker);

		assertThat(op.student("s1").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s1").reason()).contains("container exited");
	}

	private UpClass up(int permits) {
		return up(permits, (classId, studentId) -> true, Duration.ofSeconds(30));
	}

	private UpClass up(int permits, IdeProbe probe, Duration timeout) {
		TraefikAttachment traefik = new TraefikAttachment(this.runtime, Fixtures.routing());
		StudentSpecs specs = new StudentSpecs(Fixtures.urls(), Fixtures.installation());
		OrchestratorProperties properties = new OrchestratorProperties(permits, Duration.ofMinutes(10), 4, timeout,
				Duration.ofMillis(10));
		return new UpClass(this.runtime, traefik, specs, new LocalPermits(permits), probe, properties);
	}

	private static UpClass.Plan plan(List<String> students) {
		return new UpClass.Plan("cs101", SESSION, Fixtures.codeserver(), students);
	}

	private static RecordingTracker tracker(List<String> students) {
		return new RecordingTracker(Transition.UP, "cs101", SESSION, students);
	}

}
