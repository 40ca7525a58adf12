package io.caas.classes.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
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

		assertThat(this.store.text("cs101/" + SESSION + "/s1/hello.py")).isEqualTo("print('hi')\n");
		assertThat(this.store.text("cs101/" + SESSION + "/s1/src/lib/util.py")).isEqualTo("x = 1\n");
		assertThat(this.store.objects.get("cs101/" + SESSION + "/s2/notes.md").metadata()).containsEntry("sha256",
				InMemoryObjectStore.sha256("# notes\n"));
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
		assertThat(op.student("s2").reason()).contains("verify");
		assertThat(op.stepsOf("s2")).containsExactly(StudentStep.PENDING, StudentStep.COLLECTING, StudentStep.UPLOADED,
				StudentStep.FAILED);
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
		assertThat(this.store.objects).containsKey("cs101/" + SESSION + "/s2/notes.md");
		assertThat(this.settlement.settle("cs101")).isEqualTo(ClassState.CLOSED);
	}

	@Test
	void downReportsProgressInOrder() {
		RecordingTracker op = tracker(List.of("s1", "s2"));

		down().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(op.stepsOf("s1")).containsExactly(StudentStep.PENDING, StudentStep.COLLECTING, StudentStep.UPLOADED,
				StudentStep.VERIFIED, StudentStep.REMOVED);
	}

	private FakeContainerRuntime.Fake container(String student) {
		return this.runtime.byName("caas-cs101-" + student).orElseThrow();
	}

	private DownClass down() {
		return new DownClass(this.runtime, new WorkspaceCollector(this.runtime, this.store), new LocalPermits(2),
				Fixtures.orchestrator(2));
	}

	private static DownClass.Plan plan(List<String> students) {
		return new DownClass.Plan("cs101", SESSION, students,
				id -> id.equals("codeserver") ? Optional.of(Fixtures.codeserver()) : Optional.empty(), "codeserver");
	}

	private static RecordingTracker tracker(List<String> students) {
		return new RecordingTracker(Transition.DOWN, "cs101", SESSION, students);
	}

}
