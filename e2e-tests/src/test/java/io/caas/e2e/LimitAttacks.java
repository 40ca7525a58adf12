package io.caas.e2e;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.caas.e2e.HostileCases.problem4xx;

/**
 * Bad input is cheap to refuse: oversized bodies end at the gateway with 413 before any
 * service reads them (a 256 MB upload within a second, no service restarting), and an
 * oversized roster is refused the same for JSON and CSV, changing nothing.
 */
final class LimitAttacks {

	static final long HUGE = 256L * 1024 * 1024;

	private final SuiteContext ctx;

	private long hugeMillis = -1;

	LimitAttacks(SuiteContext ctx) {
		this.ctx = ctx;
	}

	long hugeMillis() {
		return this.hugeMillis;
	}

	void run(ApiAttacks api) throws java.io.IOException {
		HostileCases cases = this.ctx.cases();
		String path = "/api/classes/" + this.ctx.classId() + "/roster.csv";
		String student = this.ctx.student1().accessToken();
		String teacher = this.ctx.teacher1().accessToken();
		List<String> services = List.of("gateway", "class-service", "auth-service", "user-service");
		String before = restarts(services);

		BigUpload.Answer huge = BigUpload.post(this.ctx.stack().httpPort(), this.ctx.app(), path, student, HUGE);
		this.hugeMillis = huge.millis();
		cases.check("256 MB body from a student (declared length), answered in " + this.hugeMillis + " ms", huge,
				a -> a.statusLine().startsWith("HTTP/1.1 413") && a.millis() < 1000);
		RawHttp.Reply problem = this.ctx.http()
			.send(true, "POST", this.ctx.app(), path, HttpRequest.BodyPublishers.fromPublisher(zeros(HUGE), HUGE),
					"Content-Type", "text/csv", "Authorization", "Bearer " + student);
		cases.check("256 MB body from a student sent after 100 Continue", problem, r -> problem4xx(r, 413));
		cases.check("8 MiB chunked body from a student", this.ctx.http()
			.send("POST", this.ctx.app(), path, HttpRequest.BodyPublishers.ofInputStream(() -> zerosStream(8L << 20)),
					"Content-Type", "text/csv", "Authorization", "Bearer " + student),
				r -> problem4xx(r, 413));
		cases.check("2 MiB roster CSV from the class's own teacher",
				problem4xx(this.ctx.http()
					.send("POST", this.ctx.app(), path, HttpRequest.BodyPublishers.ofString("a\n".repeat(1 << 20)),
							"Content-Type", "text/csv", "Authorization", "Bearer " + teacher),
						413) && api.rosterUnchanged());
		List<String> tooMany = IntStream.rangeClosed(0, 500).mapToObj(i -> "secs" + i).toList();
		cases.check("501-student roster as CSV",
				problem4xx(this.ctx.http()
					.send("POST", this.ctx.app(), path, HttpRequest.BodyPublishers.ofString(String.join("\n", tooMany)),
							"Content-Type", "text/csv", "Authorization", "Bearer " + teacher),
						400) && api.rosterUnchanged());
		cases.check("501-student roster as JSON",
				problem4xx(
						this.ctx.api("PUT", "/api/classes/" + this.ctx.classId() + "/roster", teacher, "{\"students\":["
								+ tooMany.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")) + "]}"),
						400) && api.rosterUnchanged());
		cases.check("oversized bodies restart a service", restarts(services).equals(before));
	}

	/**
	 * Restart count and start time of each service: equal before and after means none
	 * restarted.
	 */
	private String restarts(List<String> services) {
		return services.stream()
			.map(s -> Docker.run("inspect", "-f", "{{.RestartCount}} {{.State.StartedAt}}",
					Docker.composeContainer(this.ctx.stack().project(), s)))
			.collect(Collectors.joining(" | "));
	}

	private static java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer> zeros(long size) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> zerosStream(size));
	}

	private static InputStream zerosStream(long size) {
		return new InputStream() {
			private long left = size;

			@Override
			public int read() {
				if (this.left <= 0) {
					return -1;
				}
				this.left--;
				return 'a';
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
				this.left -= n;
				return n;
			}
		};
	}

}
