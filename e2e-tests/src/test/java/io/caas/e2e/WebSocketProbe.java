package io.caas.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Sends a WebSocket upgrade the way code-server's workbench does and returns the status
 * line, so a test can see that the upgrade crossed Traefik and was accepted by
 * code-server.
 */
final class WebSocketProbe {

	private WebSocketProbe() {
	}

	static String upgradeStatusLine(int port, String host) throws IOException {
		return upgradeStatusLine(port, host, null);
	}

	/** The same, carrying a {@code Cookie} header as a browser would. */
	static String upgradeStatusLine(int port, String host, String cookie) throws IOException {
		String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes());
		String request = "GET /?reconnectionToken=" + UUID.randomUUID()
				+ "&reconnection=false&skipWebSocketFrames=false HTTP/1.1\r\n" + "Host: " + host + "\r\n"
				+ "Origin: http://" + host + "\r\n" + "Upgrade: websocket\r\n" + "Connection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + key + "\r\n" + "Sec-WebSocket-Version: 13\r\n"
				+ ((cookie != null) ? "Cookie: " + cookie + "\r\n" : "") + "\r\n";
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return readLine(socket.getInputStream());
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

}
