package io.caas.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker engine restarted under an open class: the stack comes back by its restart
 * policies, the class's runtimes are running again (the engine's restart policy, and the
 * reconciler for any it left stopped) and their IDEs answer through Traefik within a
 * minute of the stack being healthy, with the files written before the restart.
 * <p>
 * Restarts the engine every container on this machine runs on, so it is opt-in
 * ({@code -Dcaas.e2e.engineRestart=true}); {@code bin/caas-test} runs it as its own last
 * step. dockerd is started again the way {@code infra/engine.sh} starts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(StackLogsOnFailure.class)
@EnabledIfSystemProperty(named = "caas.e2e.engineRestart", matches = "true")
class EngineRestartIT {

	private static final Path ENGINE_SCRIPT = Path.of("..", "infra", "engine.sh");

	private static final Path PID_FILE = Path.of("/var/run/docker.pid");

	private final Stack stack = Stack.fromSystemProperties();

	private final Http http = new Http(this.stack);

	private final String classId = "oprdock" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private final List<String> students = OpenClasses.students(3);

	private OpenClasses classes;

	@BeforeAll
	void open() {
		this.classes = new OpenClasses(this.stack, this.http, new StackApi(this.stack).login("teacher1"));
		this.classes.create(this.classId, this.students);
		JsonNode up = this.classes.run(this.classId, "up", Duration.ofMinutes(4));
		assertThat(up.path("state").asString()).as(up.toString()).isEqualTo("SUCCEEDED");
	}

	@AfterAll
	void close() {
		// a fresh login: the engine restart may have outlived the first token
		new OpenClasses(this.stack, this.http, new StackApi(this.stack).login("teacher1")).closeQuietly(this.classId);
	}

	@Test
	void openClassComesBackAfterTheEngineRestartsWithItsWorkspaces() throws Exception {
		for (String student : this.students) {
			Docker.run("exec", runtimeOf(student), "sh", "-c",
					"printf '%s' \"$0\" > /home/student/workspace/before-restart.txt", content(student));
		}

		restartEngine();
		long engineBack = System.nanoTime();
		awaitStackHealthy(Duration.ofMinutes(4));
		long stackBack = System.nanoTime();
		System.out.printf("engine restarted: stack healthy %.1fs after the engine answered%n",
				(stackBack - engineBack) / 1e9);

		for (String student : this.students) {
			boolean answers = Poll.until(() -> this.classes.ideAnswers(this.classId, student), a -> a,
					Duration.ofSeconds(60));
			assertThat(answers).as(student + "'s IDE through Traefik within a minute of the stack").isTrue();
		}
		System.out.printf("every IDE answered %.1fs after the engine answered%n",
				(System.nanoTime() - engineBack) / 1e9);
		for (String student : this.students) {
			assertThat(Docker.run("exec", runtimeOf(student), "cat", "/home/student/workspace/before-restart.txt"))
				.as(student + "'s workspace")
				.isEqualTo(content(student));
		}
		OpenClasses fresh = new OpenClasses(this.stack, this.http, new StackApi(this.stack).login("teacher1"));
		JsonNode status = fresh.status(this.classId);
		assertThat(status.path("state").asString()).as(status.toString()).isEqualTo("OPEN");
		assertThat(OpenClasses.runtimeStates(this.classId))
			.containsExactlyInAnyOrderElementsOf(this.students.stream().map(s -> s + " running").toList());
	}

	private String content(String student) {
		return "written by " + student + " of " + this.classId + " before the engine restarted";
	}

	private String runtimeOf(String student) {
		return OpenClasses.runtimes(this.classId)
			.stream()
			.filter(id -> Docker.run("inspect", "-f", "{{index .Config.Labels \"caas.student\"}}", id).equals(student))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no runtime for " + student));
	}

	/** SIGTERM to dockerd (it stops every container), then infra/engine.sh starts it. */
	private static void restartEngine() throws Exception {
		long pid = Long.parseLong(Files.readString(PID_FILE).trim());
		ProcessHandle dockerd = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no dockerd " + pid));
		assertThat(dockerd.destroy()).as("SIGTERM sent to dockerd " + pid).isTrue();
		dockerd.onExit().get(90, TimeUnit.SECONDS);
		Process start = new ProcessBuilder("bash", ENGINE_SCRIPT.toString()).inheritIO().start();
		assertThat(start.waitFor(120, TimeUnit.SECONDS) && start.exitValue() == 0).as("infra/engine.sh").isTrue();
	}

	/**
	 * Every container of the compose project running, and healthy where it has a check.
	 */
	private void awaitStackHealthy(Duration timeout) {
		String states = Poll.until(this::stackStates,
				s -> !s.isBlank()
						&& s.lines().allMatch(l -> l.endsWith(" running healthy") || l.endsWith(" running none")),
				timeout);
		assertThat(states.lines()).as("compose project " + this.stack.project() + " after the engine restart")
			.allMatch(l -> l.endsWith(" running healthy") || l.endsWith(" running none"));
	}

	private String stackStates() {
		try {
			return String.join("\n", Docker
				.idsWithLabel("container", "com.docker.compose.project=" + this.stack.project())
				.stream()
				.map(id -> Docker.run("inspect", "-f",
						"{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}",
						id))
				.toList());
		}
		catch (IllegalStateException ex) {
			return "";
		}
	}

}
