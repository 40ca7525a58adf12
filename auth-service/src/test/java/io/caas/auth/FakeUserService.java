package io.caas.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP peer playing user-service's {@code /internal/users/verify}: teacher1 with
 * password {@value #PASSWORD} is valid, so is {@code newbie} (who must change the
 * password), {@code broken} makes it fail with 500, anyone else gets 401.
 */
public final class FakeUserService implements AutoCloseable {

	public static final String PASSWORD = "right-password";

	private static final String NEWBIE = "{\"username\":\"newbie\",\"roles\":[\"student\"],\"displayName\":\"New\",\"mustChangePassword\":true}";

	private final HttpServer server;

	public FakeUserService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/internal/users/verify", this::verify);
		this.server.createContext("/internal/users/", this::current);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void verify(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (body.contains("\"username\":\"teacher1\"") && body.contains("\"password\":\"" + PASSWORD + "\"")) {
			respond(exchange, 200, "application/json",
					"""
							{"username":"teacher1","roles":["teacher"],"displayName":"Teacher 1","mustChangePassword":false}""");
		}
		else if (body.contains("\"username\":\"newbie\"") && body.contains("\"password\":\"" + PASSWORD + "\"")) {
			respond(exchange, 200, "application/json", NEWBIE);
		}
		else if (body.contains("\"username\":\"broken\"")) {
			respond(exchange, 500, "application/problem+json", "{\"status\":500}");
		}
		else {
			respond(exchange, 401, "application/problem+json", "{\"status\":401,\"code\":\"unauthorized\"}");
		}
	}

	/** The account as it is now: teacher1 exists, anyone else is gone or disabled. */
	private void current(HttpExchange exchange) throws IOException {
		if (exchange.getRequestURI().getPath().equals("/internal/users/teacher1")) {
			respond(exchange, 200, "application/json",
					"{\"username\":\"teacher1\",\"roles\":[\"teacher\"],\"displayName\":\"Teacher 1\",\"mustChangePassword\":false}");
		}
		else if (exchange.getRequestURI().getPath().equals("/internal/users/newbie")) {
			respond(exchange, 200, "application/json", NEWBIE);
		}
		else {
			respond(exchange, 404, "application/problem+json", "{\"status\":404}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
