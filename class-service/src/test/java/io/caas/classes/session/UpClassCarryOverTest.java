package io.caas.classes.session;

import io.caas.classes.lifecycle.Transition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.workspace.StoredAttempts;
import io.caas.classes.workspace.WorkspaceCollector;
import io.caas.classes.workspace.WorkspaceRestorer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpClassCarryOverTest {

	private static final String LAST_WEEK = "20261117t090000z-aaaa";

	private static final String SESSION = "20261124t090000z-bbbb";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	@Test
	void upWithCarryOverRestoresTheLatestSubmissionBeforeTheStudentIsReady() {
		collectLastWeek("s1", "notes.txt", "week 1");
		RecordingTracker op = tracker(List.of("s1", "s2"));

		up().run(plan(List.of("s1", "s2"), true), op.tracker);

		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().files).containsOnlyKeys("notes.txt");
		assertThat(this.runtime.byName("caas-cs101-s2").orElseThrow().files).isEmpty();
		assertThat(op.last().students()).allMatch(s -> s.state() == StudentStep.READY);
		assertThat(this.runtime.events).containsSubsequence("create caas-cs101-s1",
				"copyIn caas-cs101-s1 " + Fixtures.codeserver().workspacePath());
	}

	@Test
	void upWithoutCarryOverStartsEmpty() {
		collectLastWeek("s1", "notes.txt", "week 1");

		up().run(plan(List.of("s1"), false), tracker(List.of("s1")).tracker);

		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().files).isEmpty();
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("copyIn"));
	}

	@Test
	void upWithCarryOverWhenTheRestoreFailsThenThatStudentFailsWithTheReason() {
		collectLastWeek("s1", "notes.txt", "week 1");
		this.store.objects.replaceAll((k, v) -> k.endsWith("notes.txt") ? new byte[] { 1 } : v);
		RecordingTracker op = tracker(List.of("s1"));

		up().run(plan(List.of("s1"), true), op.tracker);

		assertThat(op.student("s1").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s1").reason()).contains("notes.txt").contains("the manifest says");
		// the half-restored runtime is gone, so a later close cannot store it as the
		// latest attempt and the next open restores again
		assertThat(this.runtime.byName("caas-cs101-s1")).isEmpty();
	}

	@Test
	void upWithCarryOverKeepsAnExistingContainersOwnWork() {
		up().run(plan(List.of("s1"), false), tracker(List.of("s1")).tracker);
		this.runtime.byName("caas-cs101-s1").orElseThrow().file("today.txt", "mine");
		collectLastWeek("s1", "notes.txt", "week 1");

		up().run(plan(List.of("s1"), true), tracker(List.of("s1")).tracker);

		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().files).containsOnlyKeys("today.txt");
	}

	private void collectLastWeek(String student, String path, String content) {
		FakeContainerRuntime.Fake old = this.runtime.run("old-" + student, Map.of()).file(path, content);
		new WorkspaceCollector(this.runtime, this.store, Clock.systemUTC())
			.collect(new WorkspaceCollector.Target("cs101", LAST_WEEK, student, old.id, Fixtures.codeserver()));
		this.runtime.remove(old.id);
	}

	private UpClass up() {
		OrchestratorProperties properties = new OrchestratorProperties(2, Duration.ofMinutes(10), 4,
				Duration.ofSeconds(30), Duration.ofMillis(10));
		return new UpClass(this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()),
				new StudentSpecs(Fixtures.urls(), Fixtures.installation()), new LocalPermits(2), (c, s) -> true,
				properties, new WorkspaceRestorer(this.runtime, new StoredAttempts(this.store), this.store), null);
	}

	private static UpClass.Plan plan(List<String> students, boolean carryOver) {
		return new UpClass.Plan("cs101", SESSION, Fixtures.codeserver(), students, carryOver);
	}

	private static RecordingTracker tracker(List<String> students) {
		return new RecordingTracker(Transition.UP, "cs101", SESSION, students);
	}

}
