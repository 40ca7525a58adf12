package io.caas.classes.session;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.workspace.AttemptRetention;
import io.caas.classes.workspace.CollectionProperties;
import io.caas.classes.workspace.Manifest;
import io.caas.classes.workspace.StoredAttempts;
import io.caas.classes.workspace.WorkspaceCollector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DownClassTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	private final ClassSettlement settlement = new ClassSettlement(this.runtime,
			new TraefikAttachment(this.runtime, Fixtures.routing()));

	private final StoredAttempts attempts = new StoredAttempts(this.store);

	private String traefik;

	@BeforeEach
	void openClass() {
		this.traefik = this.runtime.run("traefik", Map.of("caas.role", "traefik")).id;
		new UpClass(this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()),
				new StudentSpecs(Fixtures.urls(), Fixtures.installation()), new LocalPermits(2),
				(classId, studentId) -> true, Fixtures.orchestrator(2))
			.run(new UpClass.Plan("cs101", SESSION, Fixtures.codeserver(), List.of("s1", "s2")),
					new RecordingTracker(Transition.UP, "cs101", SESSION, List.of("s1", "s2")).tracker);
		container("s1").file("hello.py", "print('hi')\n").file("src/lib/util.py", "x = 1\n");
		container("s2").file("notes.md", "# notes\n");
	}

	@Test
	void downSavesEveryWorkspaceThenRemovesContainersAndNetwork() {
		RecordingTracker op = tracker(List.of("s1", "s2"));

		down().run(plan(List.of("s1", "s2")), op.tracker);
		ClassState state = this.settlement.settle("cs101");

		Manifest s1 = this.attempts.latest("cs101", SESSION, "s1").orElseThrow();
		assertThat(this.store.text(StoredAttempts.fileKey(s1, "hello.py"))).isEqualTo("print('hi')\n");
		assertThat(this.store.text(StoredAttempts.fileKey(s1, "src/lib/util.py"))).isEqualTo("x = 1\n");
		assertThat(this.attempts.latest("cs101", SESSION, "s2").orElseThrow().files().getFirst().sha256())
			.isEqualTo(InMemoryObjectStore.sha256("# notes\n"));
		assertThat(op.student("s1").state()).isEqualTo(StudentStep.REMOVED);
		assertThat(op.student("s1").files()).isEqualTo(2);
		assertThat(op.student("s1").bytes()).isEqualTo(18);
		assertThat(this.runtime.containerNames()).containsExactly("traefik");
		assertThat(state).isEqualTo(ClassState.CLOSED);
		assertThat(this.runtime.networks).isEmpty();
		assertThat(this.runtime.events).containsSubsequence("disconnect caas-cs101-s1-net " + this.traefik,
				"removeNetwork caas-cs101-s1-net");
	}

	@Test
	void downWhenUploadFailsThenKeepsContainer() {
		this.store.failPutContaining.add("/s2/");
		RecordingTracker op = tracker(List.of("s1", "s2"));

		down().run(plan(List.of("s1", "s2")), op.tracker);
		ClassState state = this.settlement.settle("cs101");

		assertThat(op.student("s1").state()).isEqualTo(StudentStep.REMOVED);
		assertThat(op.student("s2").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s2").reason()).contains("connection refused");
		assertThat(this.runtime.byName("caas-cs101-s2")).isPresent();
		assertThat(this.runtime.byName("caas-cs101-s1")).isEmpty();
		assertThat(state).isEqualTo(ClassState.OPEN);
		assertThat(this.runtime.networks).containsKey("caas-cs101-s2-net");
		assertThat(this.runtime.connections.get("caas-cs101-s2-net")).contains(this.traefik);
	}

	@Test
	void downWhenVerificationFailsThenKeepsContainer() {
		this.store.truncateContaining.add("notes.md");
		RecordingTracker op = tracker(List.of("s1", "s2"));

		down().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(op.student("s2").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s2").reason()).contains("ChecksumMismatch");
		assertThat(op.stepsOf("s2")).containsExactly(StudentStep.PENDING, StudentStep.COLLECTING, StudentStep.FAILED);
		assertThat(this.runtime.byName("caas-cs101-s2")).isPresent();
	}

	@Test
	void downWhenStudentHasNoContainerThenSkipsThem() {
		RecordingTracker op = tracker(List.of("s1", "s2", "s3"));

		down().run(plan(List.of("s1", "s2", "s3")), op.tracker);

		assertThat(op.student("s3").state()).isEqualTo(StudentStep.SKIPPED);
		assertThat(op.tracker.finish(null).state()).isEqualTo(io.caas.classes.operation.OperationState.SUCCEEDED);
	}

	@Test
	void downWhenStudentLeftTheRosterThenStillSavesTheirWorkspace() {
		RecordingTracker op = tracker(List.of("s1"));

		down().run(plan(List.of("s1")), op.tracker);

		assertThat(op.student("s2").state()).isEqualTo(StudentStep.REMOVED);
		assertThat(this.attempts.latest("cs101", SESSION, "s2")).isPresent();
		assertThat(this.settlement.settle("cs101")).isEqualTo(ClassState.CLOSED);
	}

	@Test
	void downReportsProgressInOrder() {
		RecordingTracker op = tracker(List.of("s1", "s2"));

		down().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(op.stepsOf("s1")).containsExactly(StudentStep.PENDING, StudentStep.COLLECTING, StudentStep.UPLOADED,
				StudentStep.VERIFIED, StudentStep.REMOVED);
	}

	@Test
	void downStopsEachRuntimeBeforeItsSnapshot() {
		RecordingTracker op = tracker(List.of("s1", "s2"));

		down().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(this.runtime.events).containsSubsequence("stop caas-cs101-s1", "remove caas-cs101-s1");
		assertThat(this.runtime.events).containsSubsequence("stop caas-cs101-s2", "remove caas-cs101-s2");
	}

	@Test
	void downWhenRuntimeAlreadyExitedThenStillCollects() {
		container("s1").state = io.caas.classes.runtime.RuntimeContainer.State.EXITED;
		RecordingTracker op = tracker(List.of("s1", "s2"));

		down().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(op.student("s1").state()).isEqualTo(StudentStep.REMOVED);
		assertThat(this.attempts.latest("cs101", SESSION, "s1")).isPresent();
	}

	@Test
	void downWhenOneFailsThenReopenAndCloseAgainKeepsEveryEarlierAttempt() {
		container("s2").file("x".repeat(250) + "/" + "y".repeat(250) + "/" + "z".repeat(250) + "/" + "w".repeat(250),
				"deep");
		down().run(plan(List.of("s1", "s2")), tracker(List.of("s1", "s2")).tracker);
		Manifest first = this.attempts.latest("cs101", SESSION, "s1").orElseThrow();
		assertThat(this.runtime.byName("caas-cs101-s2")).isPresent();

		new UpClass(this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()),
				new StudentSpecs(Fixtures.urls(), Fixtures.installation()), new LocalPermits(2),
				(classId, studentId) -> true, Fixtures.orchestrator(2))
			.run(new UpClass.Plan("cs101", SESSION, Fixtures.codeserver(), List.of("s1", "s2")),
					new RecordingTracker(Transition.UP, "cs101", SESSION, List.of("s1", "s2")).tracker);
		container("s2").files.clear();
		container("s2").file("notes.md", "# notes\n");
		RecordingTracker again = tracker(List.of("s1", "s2"));
		down().run(plan(List.of("s1", "s2")), again.tracker);

		assertThat(again.student("s2").state()).isEqualTo(StudentStep.REMOVED);
		assertThat(this.attempts.complete("cs101", SESSION, "s1")).hasSize(2).contains(first);
		assertThat(this.store.text(StoredAttempts.fileKey(first, "hello.py"))).isEqualTo("print('hi')\n");
		assertThat(this.store.deleted).isEmpty();
	}

	private FakeContainerRuntime.Fake container(String student) {
		return this.runtime.byName("caas-cs101-" + student).orElseThrow();
	}

	private DownClass down() {
		return new DownClass(this.runtime, new WorkspaceCollector(this.runtime, this.store, Clock.systemUTC()),
				new AttemptRetention(this.store, CollectionProperties.defaults()), CollectionProperties.defaults(),
				new LocalPermits(2), Fixtures.orchestrator(2));
	}

	private static DownClass.Plan plan(List<String> students) {
		return new DownClass.Plan("cs101", SESSION, students,
				id -> id.equals("codeserver") ? Optional.of(Fixtures.codeserver()) : Optional.empty(), "codeserver");
	}

	private static RecordingTracker tracker(List<String> students) {
		return new RecordingTracker(Transition.DOWN, "cs101", SESSION, students);
	}

}
