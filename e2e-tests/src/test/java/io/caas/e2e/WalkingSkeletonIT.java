package io.caas.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole CaaS flow against the composed stack, only through Traefik's published port:
 * the API by the app host, each IDE by its own host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkingSkeletonIT {

	private static final Duration TRANSITION_TIMEOUT = Duration.ofMinutes(3);

	private final Stack stack = Stack.fromSystemProperties();

	private final Http http = new Http(this.stack);

	private final RawHttp raw = new RawHttp(this.stack);

	private final IdeSignIn ideSignIn = new IdeSignIn(this.raw, this.stack);

	private String teacherToken;

	private String studentToken;

	@BeforeAll
	void logIn() {
		this.teacherToken = login("teacher1");
		this.studentToken = login("student1");
	}

	@Test
	void teacherOpensClassStudentsGetIdesAndClosingKeepsTheirWork() throws Exception {
		String classId = "e2e" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		List<String> students = List.of("student1", "student2", "student3");
		Http.Response created = this.http.postJson(app(), "/api/classes", this.teacherToken, Map.of("classId", classId,
				"name", "E2E " + classId, "subject", "cs", "templateId", "codeserver", "students", students));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		Http.Response studentUp = this.http.postJson(app(), "/api/classes/" + classId + "/up", this.studentToken, null);
		assertThat(studentUp.status()).as(studentUp.toString()).isEqualTo(403);
		assertThat(studentUp.contentType()).startsWith("application/problem+json");

		JsonNode up = runTransition(classId, "up");
		assertThat(up.path("state").asString()).as(up.toString()).isEqualTo("SUCCEEDED");

		JsonNode status = this.http.get(app(), "/api/classes/" + classId + "/status", this.teacherToken).json();
		assertThat(status.path("state").asString()).isEqualTo("OPEN");
		String sessionId = status.path("sessionId").asString();
		assertThat(sessionId).isNotBlank();
		for (JsonNode student : status.path("students")) {
			assertThat(student.path("state").asString()).as(student.toString()).isEqualTo("READY");
		}

		// The class's teacher reaches every student's IDE through the per-host sign-in.
		String teacherSession = this.ideSignIn.login("teacher1", this.stack.password()).sessionCookie();
		for (String student : students) {
			String host = this.stack.ideHost(classId, student);
			String cookie = IdeSignIn.IDE_COOKIE + "=" + this.ideSignIn.ideCookie(teacherSession, host);
			RawHttp.Reply page = Poll.until(() -> followToPage(host, cookie), r -> r.status() == 200,
					Duration.ofSeconds(30));
			assertThat(page.status()).as(host + " " + page).isEqualTo(200);
			assertThat(page.body()).as(host).containsIgnoringCase("code-server");
			assertThat(WebSocketProbe.upgradeStatusLine(this.stack.httpPort(), host, cookie)).as(host)
				.startsWith("HTTP/1.1 101");
		}

		aSharedPortAnswersOnlyThoseWhoMayOpenTheIde(classId, runtimeOf(classId, "student1"));

		String container = runtimeOf(classId, "student2");
		String content = "print('hello from student2 " + classId + "')\n";
		Docker.run("exec", container, "sh", "-c",
				"mkdir -p /home/student/workspace/src && printf '%s' \"$0\" > /home/student/workspace/src/hello.py",
				content);

		Http.Response studentDown = this.http.postJson(app(), "/api/classes/" + classId + "/down", this.studentToken,
				null);
		assertThat(studentDown.status()).as(studentDown.toString()).isEqualTo(403);

		JsonNode down = runTransition(classId, "down");
		assertThat(down.path("state").asString()).as(down.toString()).isEqualTo("SUCCEEDED");

		String submissions = "/api/classes/" + classId + "/submissions";
		JsonNode listed = this.http.get(app(), submissions, this.teacherToken).json();
		assertThat(listed.toString()).as(listed.toString()).contains("\"path\":\"src/hello.py\"");
		JsonNode link = this.http
			.get(app(), submissions + "/" + sessionId + "/student2/link?path=src/hello.py", this.teacherToken)
			.json();
		String stored = this.http.get(app(), link.path("url").asString(), this.teacherToken).body();
		assertThat(stored).isEqualTo(content);

		assertThat(Docker.idsWithLabel("container", "caas.class=" + classId)).isEmpty();
		// every student's network stays, Traefik on it, for the class's next open
		// (KEPT_NETWORKS)
		assertThat(Docker.idsWithLabel("network", "caas.class=" + classId)).hasSize(students.size());
		String traefik = Docker.composeContainer(this.stack.project(), "traefik");
		assertThat(Docker.networksOf(traefik).split(" ")).filteredOn(network -> network.contains("-" + classId + "-"))
			.hasSize(students.size());
		JsonNode closed = this.http.get(app(), "/api/classes/" + classId + "/status", this.teacherToken).json();
		assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
	}

	/**
	 * Port previews (API.md): student1 shares port 3000 of their runtime; it answers at
	 * {@code <class>-student1-p3000} through Traefik, with its own host-bound cookie, to
	 * that student and the class's teacher and to nobody else, without any CaaS
	 * credential reaching the student's server; a server that stops answers our page;
	 * unshared, it is our "not shared" page.
	 */
	private void aSharedPortAnswersOnlyThoseWhoMayOpenTheIde(String classId, String runtime) {
		String preview = this.stack.previewHost(classId, "student1", 3000);
		String ports = "/api/classes/" + classId + "/students/student1/ports";
		IdeSignIn.Login student1 = this.ideSignIn.login("student1", this.stack.password());
		String cookie = IdeSignIn.IDE_COOKIE + "=" + this.ideSignIn.ideCookie(student1.sessionCookie(), preview);

		RawHttp.Reply notShared = this.raw.get(preview, "/", "Cookie", cookie);
		assertThat(notShared.status()).as(notShared.toString()).isEqualTo(404);
		assertThat(notShared.body()).contains("This port is not shared");

		Http.Response shared = this.http.postJson(app(), ports, this.studentToken, Map.of("port", 3000));
		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		assertThat(shared.json().path("url").asString()).contains(preview);
		RawHttp.Reply silent = this.raw.get(preview, "/", "Cookie", cookie);
		assertThat(silent.status()).as(silent.toString()).isEqualTo(502);
		assertThat(silent.body()).contains("Nothing answers on port 3000 yet");

		// the student's server echoes the path and every credential-like header it
		// received
		String server = "require('http').createServer((q,r)=>r.end('preview '+q.url+' cookie='+(q.headers.cookie||'')"
				+ "+' auth='+(q.headers.authorization||'')+' user='+(q.headers['x-caas-user']||''))).listen(3000)";
		Docker.run("exec", "-d", "-u", "1000", runtime, "sh", "-c", "echo $$ > /tmp/preview.pid; exec node -e \"$0\"",
				server);
		RawHttp.Reply page = Poll.until(() -> this.raw.get(preview, "/hello?x=1", "Cookie", cookie + "; own=1"),
				r -> r.status() == 200, Duration.ofSeconds(30));
		assertThat(page.body()).as(page.toString()).isEqualTo("preview /hello?x=1 cookie=own=1 auth= user=");
		RawHttp.Reply withCredentials = this.raw.get(preview, "/hello", "Cookie",
				cookie + "; " + IdeSignIn.SESSION_COOKIE + "=" + student1.sessionCookie() + "; own=1", "Authorization",
				"Bearer " + student1.accessToken(), "X-Caas-User", "admin");
		assertThat(withCredentials.body()).as(withCredentials.toString())
			.isEqualTo("preview /hello cookie=own=1 auth= user=");

		String teacher1 = this.ideSignIn.login("teacher1", this.stack.password()).sessionCookie();
		String teacherCookie = IdeSignIn.IDE_COOKIE + "=" + this.ideSignIn.ideCookie(teacher1, preview);
		assertThat(this.raw.get(preview, "/t", "Cookie", teacherCookie).body()).startsWith("preview /t ");

		String ideCookie = IdeSignIn.IDE_COOKIE + "="
				+ this.ideSignIn.ideCookie(student1.sessionCookie(), this.stack.ideHost(classId, "student1"));
		String student2 = this.ideSignIn.login("student2", this.stack.password()).sessionCookie();
		String teacher2 = this.ideSignIn.login("teacher2", this.stack.password()).sessionCookie();
		Map<String, RawHttp.Reply> hostile = new java.util.LinkedHashMap<>();
		hostile.put("no credential", this.raw.get(preview, "/hello"));
		hostile.put("anonymous /healthz", this.raw.get(preview, "/healthz"));
		hostile.put("the IDE host's cookie", this.raw.get(preview, "/hello", "Cookie", ideCookie));
		hostile.put("the app session cookie",
				this.raw.get(preview, "/hello", "Cookie", IdeSignIn.SESSION_COOKIE + "=" + student1.sessionCookie()));
		hostile.put("an API bearer token",
				this.raw.get(preview, "/hello", "Authorization", "Bearer " + student1.accessToken()));
		hostile.put("a forged identity header",
				this.raw.get(preview, "/hello", "X-Caas-User", "student1", "X-Caas-Roles", "admin"));
		hostile.put("another student asking the app host", this.ideSignIn.open(student2, preview));
		hostile.put("another teacher asking the app host", this.ideSignIn.open(teacher2, preview));
		hostile.put("this preview's cookie on another port",
				this.raw.get(this.stack.previewHost(classId, "student1", 3001), "/hello", "Cookie", cookie));
		hostile.put("this preview's cookie on the IDE host",
				this.raw.get(this.stack.ideHost(classId, "student1"), "/", "Cookie", cookie));
		long refused = hostile.entrySet().stream().filter(e -> {
			RawHttp.Reply reply = e.getValue();
			boolean kept = !reply.body().contains("preview /") && !reply.body().contains("code-server");
			boolean turnedAway = HostileCases.toSignIn(reply, this.stack) || reply.status() == 403;
			assertThat(kept && turnedAway).as(e.getKey() + ": " + reply).isTrue();
			return true;
		}).count();
		System.out.println("preview hostile cases: " + hostile.size() + " tried, " + refused + " refused");

		// a server that stops answering gives our page again, not Traefik's bare 502
		Docker.run("exec", runtime, "sh", "-c", "kill $(cat /tmp/preview.pid)");
		RawHttp.Reply stopped = Poll.until(() -> this.raw.get(preview, "/", "Cookie", cookie), r -> r.status() == 502,
				Duration.ofSeconds(30));
		assertThat(stopped.body()).as(stopped.toString()).contains("Nothing answers on port 3000 yet");

		assertThat(this.http.delete(app(), ports + "/3000", this.studentToken).status()).isEqualTo(204);
		RawHttp.Reply unshared = Poll.until(() -> this.raw.get(preview, "/hello", "Cookie", cookie),
				r -> r.status() == 404, Duration.ofSeconds(30));
		assertThat(unshared.body()).as(unshared.toString()).contains("This port is not shared");
	}

	private static String runtimeOf(String classId, String student) {
		return Docker.idsWithLabel("container", "caas.class=" + classId)
			.stream()
			.filter(id -> Docker.run("inspect", "-f", "{{index .Config.Labels \"caas.student\"}}", id).equals(student))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void apiWithoutTokenIsUnauthorizedProblem() {
		Http.Response response = this.http.get(app(), "/api/classes", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(401);
	}

	@Test
	void tamperedTokenIsUnauthorizedProblem() {
		String[] parts = this.teacherToken.split("\\.");
		char last = parts[2].charAt(parts[2].length() / 2);
		String flipped = parts[2].substring(0, parts[2].length() / 2) + (last == 'A' ? 'B' : 'A')
				+ parts[2].substring(parts[2].length() / 2 + 1);
		Http.Response response = this.http.get(app(), "/api/classes", parts[0] + "." + parts[1] + "." + flipped);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void demoClassIsSeededClosedWithFiveStudents() {
		JsonNode cs101 = this.http.get(app(), "/api/classes/cs101", this.teacherToken).json();
		assertThat(cs101.path("students").size()).isEqualTo(5);
	}

	private JsonNode runTransition(String classId, String action) {
		Http.Response accepted = this.http.postJson(app(), "/api/classes/" + classId + "/" + action, this.teacherToken,
				null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String operationId = accepted.json().path("operationId").asString();
		return Poll.until(() -> this.http.get(app(), "/api/operations/" + operationId, this.teacherToken).json(),
				op -> !"RUNNING".equals(op.path("state").asString()), TRANSITION_TIMEOUT);
	}

	private RawHttp.Reply followToPage(String host, String cookie) {
		RawHttp.Reply response = this.raw.get(host, "/", "Cookie", cookie);
		for (int hops = 0; hops < 3 && response.status() / 100 == 3; hops++) {
			String location = response.location();
			String path = location.startsWith("http") ? location.replaceFirst("^https?://[^/]+", "")
					: location.startsWith("./") ? location.substring(1) : location;
			response = this.raw.get(host, path.startsWith("/") ? path : "/" + path, "Cookie", cookie);
		}
		return response;
	}

	private String login(String username) {
		Http.Response response = this.http.postJson(app(), "/api/auth/login", null,
				Map.of("username", username, "password", this.stack.password()));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("accessToken").asString();
	}

	private String app() {
		return this.stack.appHost();
	}

}
