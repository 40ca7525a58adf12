package io.caas.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that reaches any CaaS host through Traefik's published port by setting the
 * Host header (needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}, set by the
 * build).
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final Stack stack;

	Http(Stack stack) {
		this.stack = stack;
	}

	Response get(String host, String path, String token) {
		return send(host, request(host, path, token).GET());
	}

	/**
	 * A readiness probe as class-service makes it: {@code GET /healthz} of an IDE host
	 * with the probe token (without it, /healthz is an anonymous request like any other).
	 */
	Response probe(String ideHost) {
		return send(ideHost,
				request(ideHost, "/healthz", null).header("Caas-Probe-Token", this.stack.probeToken()).GET());
	}

	Response postJson(String host, String path, String token, Object body) {
		String json = body == null ? "" : JSON.writeValueAsString(body);
		return send(host, request(host, path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response putJson(String host, String path, String token, Object body) {
		return send(host, request(host, path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Response post(String host, String path, String token, String contentType, String body) {
		return send(host, request(host, path, token).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Response delete(String host, String path, String token) {
		return send(host, request(host, path, token).DELETE());
	}

	private HttpRequest.Builder request(String host, String path, String token) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.stack.httpPort() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Host", host);
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Response send(String host, HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request to " + host + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String contentType, String location, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + this.body;
		}

	}

}
