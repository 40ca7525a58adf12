package io.caas.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The few API calls the security tests need, through Traefik on the app host. */
final class StackApi {

	private static final Duration TRANSITION_TIMEOUT = Duration.ofMinutes(3);

	private final Stack stack;

	private final Http http;

	StackApi(Stack stack) {
		this.stack = stack;
		this.http = new Http(stack);
	}

	String login(String username) {
		Http.Response response = this.http.postJson(this.stack.appHost(), "/api/auth/login", null,
				Map.of("username", username, "password", this.stack.password()));
		if (response.status() != 200) {
			throw new IllegalStateException("login " + username + ": " + response);
		}
		return response.json().path("accessToken").asString();
	}

	void createClass(String token, String classId, List<String> students) {
		Http.Response created = this.http.postJson(this.stack.appHost(), "/api/classes", token,
				Map.of("classId", classId, "name", "Security " + classId, "subject", "cs", "templateId", "codeserver",
						"students", students));
		if (created.status() != 201) {
			throw new IllegalStateException("create class " + classId + ": " + created);
		}
	}

	/** Runs {@code up} or {@code down} and returns the finished operation. */
	JsonNode transition(String token, String classId, String action) {
		Http.Response accepted = this.http.postJson(this.stack.appHost(), "/api/classes/" + classId + "/" + action,
				token, null);
		if (accepted.status() != 202) {
			throw new IllegalStateException(action + " " + classId + ": " + accepted);
		}
		String operationId = accepted.json().path("operationId").asString();
		return Poll.until(() -> this.http.get(this.stack.appHost(), "/api/operations/" + operationId, token).json(),
				op -> !"RUNNING".equals(op.path("state").asString()), TRANSITION_TIMEOUT);
	}

	/**
	 * The status code of the IDE's {@code /healthz} through Traefik (a probe, with the
	 * probe token), -1 when unreachable.
	 */
	int ideHealth(String classId, String studentId) {
		try {
			return this.http.probe(this.stack.ideHost(classId, studentId)).status();
		}
		catch (IllegalStateException ex) {
			return -1;
		}
	}

}
