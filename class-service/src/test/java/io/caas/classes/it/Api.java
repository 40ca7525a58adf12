package io.caas.classes.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as the gateway calls it: plain HTTP with identity headers. */
final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	Api(int port) {
		this.base = "http://localhost:" + port;
	}

	Response get(String path, String user, String roles) {
		return send(request(path, user, roles).GET());
	}

	Response post(String path, String user, String roles, String json) {
		return send(request(path, user, roles).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response put(String path, String user, String roles, String json) {
		return send(request(path, user, roles).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response patch(String path, String user, String roles, String json) {
		return send(request(path, user, roles).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	Response delete(String path, String user, String roles) {
		return send(request(path, user, roles).DELETE());
	}

	Response postCsv(String path, String user, String roles, String csv) {
		return send(request(path, user, roles).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv)));
	}

	/** A GET whose body is not JSON (a zip, a file): status and bytes. */
	Bytes bytes(String path, String user, String roles) {
		try {
			HttpResponse<byte[]> response = this.http.send(request(path, user, roles).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Bytes(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Reads an SSE stream to its end: each event as (name, data). */
	List<Event> events(String path, String user, String roles) throws IOException, InterruptedException {
		HttpResponse<Stream<String>> response = this.http
			.send(request(path, user, roles).header("Accept", "text/event-stream")
				.timeout(Duration.ofMinutes(3))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		List<Event> events = new ArrayList<>();
		String name = "message";
		Iterator<String> lines = response.body().iterator();
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("event:")) {
				name = line.substring(6).trim();
			}
			else if (line.startsWith("data:")) {
				events.add(new Event(name, JSON.readTree(line.substring(5))));
				name = "message";
			}
		}
		return events;
	}

	private HttpRequest.Builder request(String path, String user, String roles) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (user != null) {
			builder.header("X-Caas-User", user).header("X-Caas-Roles", roles);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
			return new Response(response.statusCode(), body, response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, JsonNode body, String location) {

		String text(String field) {
			return this.body.path(field).asString();
		}

	}

	record Event(String name, JsonNode data) {
	}

	record Bytes(int status, byte[] body) {
	}

}
