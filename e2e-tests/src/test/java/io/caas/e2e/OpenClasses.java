package io.caas.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

/**
 * A teacher's view of opening classes, for the orchestration proofs: create, up, down,
 * operations and status through the app host, and the runtimes the engine really holds.
 */
final class OpenClasses {

	private final Stack stack;

	private final Http http;

	private final String token;

	OpenClasses(Stack stack, Http http, String token) {
		this.stack = stack;
		this.http = http;
		this.token = token;
	}

	static List<String> students(int n) {
		return IntStream.rangeClosed(1, n).mapToObj(i -> "s" + i).toList();
	}

	void create(String classId, List<String> students) {
		Http.Response created = this.http.postJson(this.stack.appHost(), "/api/classes", this.token,
				Map.of("classId", classId, "name", "Proof " + classId, "subject", "cs", "templateId", "codeserver",
						"students", students));
		if (created.status() != 201) {
			throw new IllegalStateException("create class " + classId + ": " + created);
		}
	}

	/** {@code POST /api/classes/{id}/up} or {@code /down}, as answered. */
	Http.Response request(String classId, String action) {
		return this.http.postJson(this.stack.appHost(), "/api/classes/" + classId + "/" + action, this.token, null);
	}

	JsonNode operation(String operationId) {
		return this.http.get(this.stack.appHost(), "/api/operations/" + operationId, this.token).json();
	}

	JsonNode awaitOperation(String operationId, Duration timeout) {
		return Poll.until(() -> operation(operationId), op -> !"RUNNING".equals(op.path("state").asString()), timeout);
	}

	/** Runs {@code up} or {@code down} to its end; the finished operation. */
	JsonNode run(String classId, String action, Duration timeout) {
		Http.Response accepted = request(classId, action);
		if (accepted.status() != 202) {
			throw new IllegalStateException(action + " " + classId + ": " + accepted);
		}
		return awaitOperation(accepted.json().path("operationId").asString(), timeout);
	}

	JsonNode status(String classId) {
		return this.http.get(this.stack.appHost(), "/api/classes/" + classId + "/status", this.token).json();
	}

	/**
	 * Whether code-server's own health JSON answers through Traefik by the IDE's host (a
	 * probe, with the probe token).
	 */
	boolean ideAnswers(String classId, String student) {
		try {
			Http.Response r = this.http.probe(this.stack.ideHost(classId, student));
			return r.status() == 200 && r.body().contains("\"lastHeartbeat\"");
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/** Runtime containers of the class on the engine, any state. */
	static List<String> runtimes(String classId) {
		return Docker.idsWithLabel("container", "caas.class=" + classId);
	}

	/** {@code student state} of every runtime of the class, one line each. */
	static List<String> runtimeStates(String classId) {
		return runtimes(classId).stream()
			.map(id -> Docker.run("inspect", "-f", "{{index .Config.Labels \"caas.student\"}} {{.State.Status}}", id))
			.sorted()
			.toList();
	}

	/**
	 * Closes the class (collecting as usual); removes its runtimes if the close fails.
	 */
	void closeQuietly(String classId) {
		try {
			run(classId, "down", Duration.ofMinutes(4));
		}
		catch (RuntimeException ex) {
			System.err.println("close of " + classId + " failed: " + ex.getMessage());
		}
		List<String> left = runtimes(classId);
		if (!left.isEmpty()) {
			Docker.run(concat(List.of("rm", "-f"), left));
		}
	}

	private static String[] concat(List<String> a, List<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
	}

}
