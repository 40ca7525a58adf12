package io.caas.classes.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.caas.classes.routing.Labels;
import io.caas.classes.support.DockerTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A class driven through the API as its teacher, with direct access to its runtimes. */
final class Classroom {

	static final String TEACHER = "teacher1";

	final String classId;

	private final Api api;

	private final DockerTestSupport docker;

	Classroom(Api api, DockerTestSupport docker, String classId, List<String> students) {
		this.api = api;
		this.docker = docker;
		this.classId = classId;
		assertThat(api.post("/api/classes", TEACHER, "teacher", LifecycleFixtures.body(classId, students)).status())
			.isEqualTo(201);
	}

	/** Opens (retrying while a background close holds the class) and waits for READY. */
	JsonNode up() {
		Api.Response up = await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> this.api.post("/api/classes/" + this.classId + "/up", TEACHER, "teacher", ""),
					r -> r.status() == 202);
		JsonNode done = LifecycleFixtures.awaitFinished(this.api, up.text("operationId"));
		assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
		return done;
	}

	String down() {
		Api.Response down = this.api.post("/api/classes/" + this.classId + "/down", TEACHER, "teacher", "");
		assertThat(down.status()).isEqualTo(202);
		return down.text("operationId");
	}

	JsonNode operation(String operationId) {
		return this.api.get("/api/operations/" + operationId, TEACHER, "teacher").body();
	}

	JsonNode finished(String operationId) {
		return LifecycleFixtures.awaitFinished(this.api, operationId);
	}

	String sessionId() {
		return this.api.get("/api/classes/" + this.classId + "/status", TEACHER, "teacher").text("sessionId");
	}

	String state() {
		return this.api.get("/api/classes/" + this.classId, TEACHER, "teacher").text("state");
	}

	/** The student's runtime, running or not; null when there is none. */
	String container(String student) {
		return this.docker.containers(Map.of(Labels.CLASS, this.classId, Labels.STUDENT, student))
			.stream()
			.findFirst()
			.map(c -> c.getId())
			.orElse(null);
	}

	String sh(String student, String script) throws InterruptedException {
		return this.docker.exec(container(student), "1000", "cd " + Ledger.WORKSPACE + " && " + script);
	}

	Map<String, String> ledger(String student) throws InterruptedException {
		return Ledger.of(this.docker, container(student));
	}

	static JsonNode student(JsonNode operation, String studentId) {
		for (JsonNode s : operation.path("students")) {
			if (s.path("studentId").asString().equals(studentId)) {
				return s;
			}
		}
		throw new AssertionError(studentId + " not in " + operation);
	}

}
