package io.caas.classes.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.template.EditorDefaults;
import io.caas.classes.template.EditorSettings;
import io.caas.classes.template.EditorSettingsInstaller;
import io.caas.classes.template.TemplateCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpClassEditorSettingsTest {

	private static final String SESSION = "20261124t090000z-cccc";

	private static final String IMAGE = Fixtures.codeserver().image();

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	@Test
	void upWritesTheTemplatesEditorSettingsIntoEveryCodeServerRuntimeBeforeReady() {
		this.runtime.images.put(IMAGE, Map.of("caas.runtime", "codeserver"));
		RecordingTracker op = tracker(List.of("s1", "s2"));

		up().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(op.last().students()).allMatch(s -> s.state() == StudentStep.READY);
		for (String student : List.of("s1", "s2")) {
			assertThat(new String(this.runtime.byName("caas-cs101-" + student).orElseThrow().files.get("settings.json"),
					StandardCharsets.UTF_8))
				.isEqualTo(new String(EditorSettings.json(EditorDefaults.CLASSROOM), StandardCharsets.UTF_8));
			assertThat(this.runtime.byName("caas-cs101-" + student).orElseThrow().modes).containsEntry("settings.json",
					0644);
			assertThat(this.runtime.events).containsSubsequence("create caas-cs101-" + student,
					"copyIn caas-cs101-" + student + " " + EditorSettings.MACHINE_DIR);
		}
	}

	@Test
	void upCopiesNothingIntoNewRuntimesOfAnImageThatHoldsTheSettingsButWritesKeptOnesAgain() {
		this.runtime.images.put(IMAGE, Map.of("caas.runtime", "codeserver"));
		this.runtime.imageFiles.put(IMAGE + EditorSettings.MACHINE_DIR + "/settings.json",
				EditorSettings.json(EditorDefaults.CLASSROOM));

		RecordingTracker first = tracker(List.of("s1", "s2"));
		up().run(plan(List.of("s1", "s2")), first.tracker);

		assertThat(first.last().students()).allMatch(s -> s.state() == StudentStep.READY);
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("copyIn"));

		// a kept runtime (a heal, a reopen after a failed close) may hold a changed file
		RecordingTracker again = tracker(List.of("s1", "s2"));
		up().run(plan(List.of("s1", "s2")), again.tracker);

		assertThat(again.last().students()).allMatch(s -> s.state() == StudentStep.READY);
		assertThat(this.runtime.events).contains("copyIn caas-cs101-s1 " + EditorSettings.MACHINE_DIR,
				"copyIn caas-cs101-s2 " + EditorSettings.MACHINE_DIR);
	}

	@Test
	void upLeavesImagesThatAreNotCodeServerAlone() {
		this.runtime.images.put(IMAGE, Map.of("caas.runtime", "jupyter"));
		RecordingTracker op = tracker(List.of("s1"));

		up().run(plan(List.of("s1")), op.tracker);

		assertThat(op.last().students()).allMatch(s -> s.state() == StudentStep.READY);
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("copyIn"));
	}

	@Test
	void upWhenTheSettingsCannotBeWrittenThenThatStudentFailsWithTheReason() {
		this.runtime.images.put(IMAGE, Map.of("caas.runtime", "codeserver"));
		this.runtime.failCopy.add("caas-cs101-s1");
		RecordingTracker op = tracker(List.of("s1", "s2"));

		up().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(op.student("s1").state()).isEqualTo(StudentStep.FAILED);
		assertThat(op.student("s1").reason()).startsWith("editor settings: copy into " + EditorSettings.MACHINE_DIR);
		assertThat(op.student("s2").state()).isEqualTo(StudentStep.READY);
	}

	@Test
	void upWhenTheImageIsMissingThenEveryStudentFailsWithTheReason() {
		RecordingTracker op = tracker(List.of("s1", "s2"));

		up().run(plan(List.of("s1", "s2")), op.tracker);

		assertThat(op.last().students()).allSatisfy(s -> {
			assertThat(s.state()).isEqualTo(StudentStep.FAILED);
			assertThat(s.reason()).contains("image " + IMAGE + " is not on the engine");
		});
		assertThat(this.runtime.containerNames()).isEmpty();
	}

	private UpClass up() {
		OrchestratorProperties properties = new OrchestratorProperties(2, Duration.ofMinutes(10), 4,
				Duration.ofSeconds(30), Duration.ofMillis(10));
		return new UpClass(this.runtime, new TraefikAttachment(this.runtime, Fixtures.routing()),
				new StudentSpecs(Fixtures.urls(), Fixtures.installation()), new LocalPermits(2), (c, s) -> true,
				properties, null, new EditorSettingsInstaller(this.runtime,
						TemplateCatalog.of(List.of(Fixtures.codeserver())), "caas.runtime"));
	}

	private static UpClass.Plan plan(List<String> students) {
		return new UpClass.Plan("cs101", SESSION, Fixtures.codeserver(), students);
	}

	private static RecordingTracker tracker(List<String> students) {
		return new RecordingTracker(Transition.UP, "cs101", SESSION, students);
	}

}
