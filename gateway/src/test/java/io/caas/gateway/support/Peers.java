package io.caas.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP peers for the gateway under test: one process-wide server standing in for
 * auth-service (its JWKS) and for every downstream service (echoing what it received),
 * plus a port where nothing listens.
 */
public final class Peers {

	/** The path whose SSE stream sends one event, pauses, then a second. */
	public static final String SLOW_EVENTS = "/api/operations/op1/events";

	/** Reads the whole body before answering with its size, as a real upload does. */
	public static final String UPLOAD = "/api/classes/sec101/roster.csv";

	public static final Duration PAUSE = Duration.ofSeconds(3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> ENDED = ConcurrentHashMap.newKeySet();

	private static final HttpServer SERVER = start();

	private static final int CLOSED_PORT = freePort();

	private Peers() {
	}

	public static String baseUrl() {
		return "http://127.0.0.1:" + SERVER.getAddress().getPort();
	}

	/** A URL that refuses connections, for a downstream service that is down. */
	public static String deadUrl() {
		return "http://127.0.0.1:" + CLOSED_PORT;
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/auth/jwks", exchange -> respond(exchange, 200, TestTokens.jwks()));
			server.createContext(SLOW_EVENTS, Peers::slowEvents);
			server.createContext("/internal/sessions/", Peers::session);
			server.createContext(UPLOAD, exchange -> respond(exchange, 200,
					"{\"received\":" + exchange.getRequestBody().readAllBytes().length + "}"));
			server.createContext("/internal/ide-transfers", Peers::transfer);
			server.createContext("/api/classes/sec101",
					exchange -> respond(exchange, 200, "{\"classId\":\"sec101\",\"teacher\":\"teacher1\"}"));
			server.createContext("/", Peers::echo);
			server.setExecutor(Executors.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "test-peer");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void echo(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("method", exchange.getRequestMethod());
		body.put("path", exchange.getRequestURI().getPath());
		body.put("headers", headers);
		respond(exchange, 200, JSON.writeValueAsString(body));
	}

	/** From now on auth-service answers that this session has ended. */
	public static void end(String sid) {
		ENDED.add(sid);
	}

	/**
	 * auth-service's session check: sids starting with "ended", or ended by a test, are
	 * logged out.
	 */
	private static void session(HttpExchange exchange) throws IOException {
		String sid = exchange.getRequestURI().getPath().substring("/internal/sessions/".length());
		respond(exchange, (sid.startsWith("ended") || ENDED.contains(sid)) ? 404 : 200, "{\"sid\":\"" + sid + "\"}");
	}

	/**
	 * auth-service's transfers: creating answers a token naming the host; redeeming
	 * "good-for-&lt;host&gt;" on that host answers an IDE token, anything else 401.
	 */
	private static void transfer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<?, ?> json = JSON.readValue(body, Map.class);
		if (!exchange.getRequestURI().getPath().endsWith("/redeem")) {
			respond(exchange, 201, JSON.writeValueAsString(Map.of("token", "good-for-" + json.get("host"))));
			return;
		}
		String host = String.valueOf(json.get("host"));
		if (("good-for-" + host).equals(json.get("token"))) {
			respond(exchange, 200, JSON.writeValueAsString(Map.of("ideToken", TestTokens.ide("student1", host, "sid-1"),
					"path", "/wanted", "expiresIn", 3600)));
			return;
		}
		respond(exchange, 401, "{\"status\":401}");
	}

	private static void slowEvents(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write("data: {\"state\":\"running\"}\n\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			Thread.sleep(PAUSE);
			out.write("data: {\"state\":\"succeeded\"}\n\n".getBytes(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
