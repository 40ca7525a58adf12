package io.caas.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client for hostile requests through Traefik's published port: any host (by Host
 * header), any method and headers, no redirects followed, cookies only as the caller sets
 * them. Needs {@code -Djdk.httpclient.allowRestrictedHeaders=host}.
 */
final class RawHttp {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final Stack stack;

	RawHttp(Stack stack) {
		this.stack = stack;
	}

	Reply get(String host, String path, String... headers) {
		return send("GET", host, path, HttpRequest.BodyPublishers.noBody(), headers);
	}

	Reply send(String method, String host, String path, HttpRequest.BodyPublisher body, String... headers) {
		return send(false, method, host, path, body, headers);
	}

	/**
	 * With {@code expectContinue}, the body is only sent after the server's 100 Continue
	 * (as curl does for large uploads).
	 */
	Reply send(boolean expectContinue, String method, String host, String path, HttpRequest.BodyPublisher body,
			String... headers) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.stack.httpPort() + path))
			.timeout(Duration.ofSeconds(60))
			.expectContinue(expectContinue)
			.header("Host", host)
			.method(method, body);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + host + path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Reply(int status, Map<String, List<String>> headers, String body) {

		Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		String location() {
			return header("Location").orElse("");
		}

		/** The value a {@code Set-Cookie} gives {@code name}, if any. */
		Optional<String> cookie(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
				.flatMap(e -> e.getValue().stream())
				.filter(c -> c.startsWith(name + "="))
				.map(c -> c.substring(name.length() + 1).split(";", 2)[0])
				.filter(v -> !v.isEmpty())
				.findFirst();
		}

		boolean isProblem() {
			return header("Content-Type").orElse("").startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.status + " " + header("Content-Type").orElse("") + " " + location() + " "
					+ this.body.substring(0, Math.min(300, this.body.length()));
		}

	}

}
