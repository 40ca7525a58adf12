package io.caas.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * class-service is killed with SIGKILL in the middle of a close, for real: the container
 * of the composed stack gets {@code docker kill -s KILL} while some students are
 * collected and others are not, and is started again. Every runtime that is gone by then
 * must have a complete submission holding exactly what was written (sha256 per file, read
 * back through the submissions API's zip); the others must still exist; and the close is
 * finished afterwards (background retry, or the teacher closing again) with no file lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloseKillIT {

	private static final String WORKSPACE = "/home/student/workspace";

	private final Stack stack = Stack.fromSystemProperties();

	private final Http http = new Http(this.stack);

	private final StackApi api = new StackApi(this.stack);

	private final HttpClient bytes = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String classId = "colkill" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	@AfterAll
	void sweep() {
		for (String id : Docker.idsWithLabel("container", "caas.class=" + this.classId)) {
			Docker.run("rm", "-f", id);
		}
		for (String id : Docker.idsWithLabel("network", "caas.class=" + this.classId)) {
			try {
				Docker.run("network", "rm", id);
			}
			catch (IllegalStateException ex) {
				// Traefik may still be attached after a failure; bin/caas-test sweeps it
				System.out.println("close-kill: network left for the sweep: " + ex.getMessage());
			}
		}
	}

	@Test
	void classServiceKilledMidCloseRemovesNoRuntimeWhoseWorkIsNotVerifiedAndTheCloseFinishes() throws Exception {
		String teacher = this.api.login("teacher1");
		List<String> students = IntStream.rangeClosed(1, 5).mapToObj(i -> "student" + i).toList();
		this.api.createClass(teacher, this.classId, students);
		JsonNode up = this.api.transition(teacher, this.classId, "up");
		assertThat(up.path("state").asString()).as(up.toString()).isEqualTo("SUCCEEDED");
		Map<String, Map<String, String>> written = new HashMap<>();
		for (int i = 0; i < students.size(); i++) {
			// sizes 0, 24, 48, 72, 96 MB: the first is done while the others still
			// upload, even when the permits let all five collect at once
			written.put(students.get(i), write(runtime(students.get(i)), i * 24));
		}
		String session = this.http.get(app(), "/api/classes/" + this.classId + "/status", teacher)
			.json()
			.path("sessionId")
			.asString();

		String operationId = accepted(
				this.http.postJson(app(), "/api/classes/" + this.classId + "/down", teacher, null));
		JsonNode midway = awaitSomeCollectedSomeNot(teacher, operationId);
		String classService = Docker.composeContainer(this.stack.project(), "class-service");
		Docker.run("kill", "-s", "KILL", classService);
		// a removal class-service sent just before the kill still completes in the engine
		Thread.sleep(2000);
		Set<String> kept = new TreeSet<>();
		students.stream().filter(s -> runtimeOrNull(s) != null).forEach(kept::add);
		assertThat(kept).as("runtimes left when class-service was killed; operation then: " + midway)
			.isNotEmpty()
			.hasSizeLessThan(students.size());
		Docker.run("start", classService);

		JsonNode status = awaitClosed(teacher);
		assertThat(status.path("state").asString()).as(status.toString()).isEqualTo("CLOSED");
		for (String student : students) {
			assertThat(submitted(teacher, session, student)).as(student + (kept.contains(student)
					? " (runtime kept at the kill, collected afterwards)" : " (runtime gone at the kill)"))
				.isEqualTo(written.get(student));
		}
		assertThat(Docker.idsWithLabel("container", "caas.class=" + this.classId)).isEmpty();
	}

	/**
	 * Writes small files and, unless 0, one file of that many MB; returns path → sha256.
	 */
	private Map<String, String> write(String container, int megabytes) {
		String script = "set -e; cd " + WORKSPACE + " && mkdir -p src/pkg"
				+ " && for i in $(seq 1 20); do head -c $((i * 5000)) /dev/urandom > src/pkg/f$i.txt; done"
				+ " && printf 'print(1)\\n' > src/main.py"
				+ (megabytes > 0 ? " && head -c " + megabytes * 1_000_000 + " /dev/urandom > data.bin" : "")
				+ " && find . -type f -print0 | xargs -0 sha256sum";
		ContainerShell.Result result = ContainerShell.sh(container, "1000", script);
		assertThat(result.ok()).as(result.output()).isTrue();
		Map<String, String> files = new HashMap<>();
		for (String line : result.output().split("\n")) {
			files.put(line.substring(line.indexOf("  ./") + 4), line.substring(0, 64));
		}
		return files;
	}

	private JsonNode awaitSomeCollectedSomeNot(String teacher, String operationId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		JsonNode op = null;
		while (System.nanoTime() < deadline) {
			op = this.http.get(app(), "/api/operations/" + operationId, teacher).json();
			long removed = 0;
			long open = 0;
			for (JsonNode s : op.path("students")) {
				String state = s.path("state").asString();
				removed += state.equals("REMOVED") ? 1 : 0;
				// VERIFIED is not counted: its removal may already be under way
				open += List.of("PENDING", "COLLECTING", "UPLOADED").contains(state) ? 1 : 0;
			}
			if (removed > 0 && open > 0) {
				return op;
			}
			assertThat(op.path("state").asString()).as("the close ended before it could be interrupted: " + op)
				.isEqualTo("RUNNING");
			Thread.sleep(100);
		}
		throw new AssertionError("no student was collected within 3 minutes: " + op);
	}

	/**
	 * Waits for class-service to answer again, then for the close to be finished: by the
	 * background retry, or by the teacher closing again once the class is OPEN.
	 */
	private JsonNode awaitClosed(String teacher) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		JsonNode status = null;
		while (System.nanoTime() < deadline) {
			Http.Response response = this.http.get(app(), "/api/classes/" + this.classId, teacher);
			if (response.status() == 200) {
				status = response.json();
				if (status.path("state").asString().equals("CLOSED")) {
					return status;
				}
				if (status.path("state").asString().equals("OPEN")) {
					// 202, or 409 when the background retry claimed it first
					this.http.postJson(app(), "/api/classes/" + this.classId + "/down", teacher, null);
				}
			}
			Thread.sleep(2000);
		}
		return status;
	}

	/** path → sha256 of the student's latest complete submission, from its zip. */
	private Map<String, String> submitted(String teacher, String session, String student) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.stack.httpPort() + "/api/classes/" + this.classId
					+ "/submissions/" + session + "/" + student + ".zip"))
			.header("Host", app())
			.header("Authorization", "Bearer " + teacher)
			.timeout(Duration.ofMinutes(2))
			.build();
		HttpResponse<InputStream> response = this.bytes.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).as(student + " zip").isEqualTo(200);
		Map<String, String> files = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(response.body())) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				files.put(entry.getName(), sha256(zip));
			}
		}
		return files;
	}

	private static String sha256(InputStream in) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
			return java.util.HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String runtime(String student) {
		String id = runtimeOrNull(student);
		assertThat(id).as("runtime of " + student).isNotNull();
		return id;
	}

	private String runtimeOrNull(String student) {
		// one engine query: a container removed between a list and an inspect is not an
		// error
		String ids = Docker.run("ps", "-aq", "--filter", "label=caas.class=" + this.classId, "--filter",
				"label=caas.student=" + student);
		return ids.isBlank() ? null : ids.lines().findFirst().orElse(null);
	}

	private static String accepted(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		return response.json().path("operationId").asString();
	}

	private String app() {
		return this.stack.appHost();
	}

}
