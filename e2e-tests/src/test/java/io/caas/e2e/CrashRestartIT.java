package io.caas.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * class-service killed with SIGKILL in the middle of opening a class of 20, then started
 * again: the reconciler hands the class back (OPEN, since runtimes exist), the
 * interrupted operation is FAILED, and opening again ends with exactly 20 running
 * runtimes, one per student, each answering through Traefik.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(StackLogsOnFailure.class)
class CrashRestartIT {

	private static final int STUDENTS = 20;

	private final Stack stack = Stack.fromSystemProperties();

	private final Http http = new Http(this.stack);

	private final String classId = "oprkill" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private OpenClasses classes;

	@BeforeAll
	void logIn() {
		this.classes = new OpenClasses(this.stack, this.http, new StackApi(this.stack).login("teacher1"));
	}

	@AfterAll
	void close() {
		this.classes.closeQuietly(this.classId);
	}

	@Test
	void killedDuringTheOpenOfTwentyThenRestartedLeavesExactlyTwentyHealthyRuntimes() {
		List<String> students = OpenClasses.students(STUDENTS);
		this.classes.create(this.classId, students);
		Http.Response accepted = this.classes.request(this.classId, "up");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String interrupted = accepted.json().path("operationId").asString();

		// kill once part of the class exists: some runtimes created, the open still
		// running
		int created = Poll.until(() -> OpenClasses.runtimes(this.classId).size(), n -> n >= 4, Duration.ofMinutes(2));
		String service = Docker.composeContainer(this.stack.project(), "class-service");
		Docker.run("kill", "-s", "KILL", service);
		System.out.println("class-service killed with " + created + " of " + STUDENTS + " runtimes created");
		assertThat(created).as("runtimes when killed").isBetween(4, STUDENTS);
		Poll.until(() -> Docker.run("inspect", "-f", "{{.State.Running}}", service), "false"::equals,
				Duration.ofSeconds(2));
		Docker.run("start", service);
		String health = Poll.until(() -> Docker.run("inspect", "-f", "{{.State.Health.Status}}", service),
				"healthy"::equals, Duration.ofMinutes(3));
		assertThat(health).as("class-service after the restart").isEqualTo("healthy");

		// the reconciler hands the class back once the dead worker's heartbeat is stale
		JsonNode status = Poll.until(() -> this.classes.status(this.classId),
				s -> !"OPENING".equals(s.path("state").asString()), Duration.ofMinutes(3));
		assertThat(status.path("state").asString()).as(status.toString()).isEqualTo("OPEN");
		JsonNode killed = this.classes.awaitOperation(interrupted, Duration.ofMinutes(1));
		assertThat(killed.path("state").asString()).as(killed.toString()).isEqualTo("FAILED");
		assertThat(killed.path("message").asString()).as(killed.toString()).contains("interrupted");

		JsonNode reopened = this.classes.run(this.classId, "up", Duration.ofMinutes(6));
		assertThat(reopened.path("state").asString()).as(reopened.toString()).isEqualTo("SUCCEEDED");
		List<String> runtimes = OpenClasses.runtimeStates(this.classId);
		assertThat(runtimes).as("one running runtime per student, no duplicates")
			.containsExactlyInAnyOrderElementsOf(students.stream().map(s -> s + " running").toList());
		for (String student : students) {
			assertThat(this.classes.ideAnswers(this.classId, student)).as(student + " through Traefik").isTrue();
		}
		JsonNode open = this.classes.status(this.classId);
		assertThat(open.path("state").asString()).isEqualTo("OPEN");
		assertThat(open.path("students").findValuesAsString("state")).hasSize(STUDENTS).containsOnly("READY");
	}

}
