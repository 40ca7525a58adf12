package io.caas.classes.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A header echo run by the runtime image's own Node (entrypoint {@link #NODE}, command
 * {@link #command}): every answer carries, in its {@code x-echo} header (so HEAD answers
 * carry it too), the method, URL and headers the server received and which server it is.
 * A server named {@code gateway} answers {@code /forward-auth} with 200 and
 * {@code Authorization: }{@link #FORWARD_AUTH_MARK}, so a request that went through
 * Traefik's forward-auth is recognised by that header.
 */
public final class HeaderEcho {

	public static final String NODE = "/opt/node/bin/node";

	public static final String FORWARD_AUTH_MARK = "Bearer forward-auth-ran";

	private static final String SCRIPT = """
			const http = require('http');
			for (const arg of process.argv.slice(1)) {
			  const [port, who] = arg.split('=');
			  http.createServer((q, r) => {
			    if (who === 'gateway' && q.url.startsWith('/forward-auth')) {
			      r.setHeader('authorization', '%s');
			      r.end();
			      return;
			    }
			    const b = JSON.stringify({ who, method: q.method, url: q.url, headers: q.headers });
			    r.setHeader('content-type', 'application/json');
			    r.setHeader('content-length', Buffer.byteLength(b));
			    r.setHeader('x-echo', encodeURIComponent(b));
			    r.end(b);
			  }).listen(+port);
			}
			""".formatted(FORWARD_AUTH_MARK);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HeaderEcho() {
	}

	/** Command line for servers given as {@code port=name}. */
	public static String[] command(String... servers) {
		String[] command = new String[servers.length + 2];
		command[0] = "-e";
		command[1] = SCRIPT;
		System.arraycopy(servers, 0, command, 2, servers.length);
		return command;
	}

	/** Sends a raw HTTP/1.1 request (which must ask to close) to Traefik's port 80. */
	public static Reply exchange(GenericContainer<?> traefik, String request) {
		try (Socket socket = new Socket(traefik.getHost(), traefik.getMappedPort(80))) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			try (InputStream in = socket.getInputStream()) {
				return Reply.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
			}
		}
		catch (IOException ex) {
			return new Reply(-1, Map.of(), "io error: " + ex);
		}
	}

	/** Status and what the echo saw; an empty echo when no echo server answered. */
	public record Reply(int status, Map<String, Object> echo, String raw) {

		static Reply parse(String raw) {
			String head = raw.split("\r\n\r\n", 2)[0];
			List<String> lines = head.lines().toList();
			int status = Integer.parseInt(lines.get(0).split(" ")[1]);
			for (String line : lines.subList(1, lines.size())) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("x-echo")) {
					String json = URLDecoder.decode(line.substring(colon + 1).trim(), StandardCharsets.UTF_8);
					return new Reply(status, JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
					}), head);
				}
			}
			return new Reply(status, Map.of(), head);
		}

		public String who() {
			return (String) this.echo.get("who");
		}

		public String method() {
			return (String) this.echo.get("method");
		}

		public String url() {
			return (String) this.echo.get("url");
		}

		/** A received header (lower-case name), or null. */
		public String header(String name) {
			@SuppressWarnings("unchecked")
			Map<String, Object> headers = (Map<String, Object>) this.echo.getOrDefault("headers", Map.of());
			Object value = headers.get(name.toLowerCase(java.util.Locale.ROOT));
			return (value != null) ? value.toString() : null;
		}

	}

}
