package io.caas.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Uploads a large body the way a browser does (declared length, no {@code Expect}) and
 * times how long until the status line of the answer arrives: what the uploader waits
 * for, independent of how a client library reports an answer that came before its body
 * was sent.
 */
final class BigUpload {

	private BigUpload() {
	}

	record Answer(String statusLine, long millis) {
	}

	static Answer post(int port, String host, String path, String bearer, long size) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + bearer
					+ "\r\nContent-Type: text/csv\r\nContent-Length: " + size + "\r\n\r\n";
			long start = System.nanoTime();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			Thread writer = Thread.ofVirtual().start(() -> {
				byte[] chunk = new byte[64 * 1024];
				Arrays.fill(chunk, (byte) 'a');
				try {
					for (long sent = 0; sent < size; sent += chunk.length) {
						out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
					}
				}
				catch (IOException ex) {
					// the server stopped reading: expected once it has answered
				}
			});
			String status = readLine(socket.getInputStream());
			long millis = (System.nanoTime() - start) / 1_000_000;
			socket.close();
			writer.interrupt();
			return new Answer(status, millis);
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
