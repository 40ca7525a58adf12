package io.caas.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening under pressure, on the composed stack: a teacher's double click (two opens at
 * the same instant) starts exactly one operation, and a student who clicks the moment the
 * operation says READY gets the IDE, never the edge's 404 or a 5xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(StackLogsOnFailure.class)
class OpenRaceIT {

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private final Stack stack = Stack.fromSystemProperties();

	private final Http http = new Http(this.stack);

	private final RawHttp raw = new RawHttp(this.stack);

	private final IdeSignIn signIn = new IdeSignIn(this.raw, this.stack);

	private final List<String> opened = new ArrayList<>();

	private OpenClasses classes;

	private String teacherSession;

	@BeforeAll
	void logIn() {
		IdeSignIn.Login login = this.signIn.login("teacher1", this.stack.password());
		this.teacherSession = login.sessionCookie();
		this.classes = new OpenClasses(this.stack, this.http, login.accessToken());
	}

	@AfterAll
	void close() {
		this.opened.forEach(this.classes::closeQuietly);
	}

	@Test
	void twoOpensAtTheSameInstantStartOneOperation() throws Exception {
		String classId = "oprrace" + RUN;
		this.classes.create(classId, OpenClasses.students(2));
		this.opened.add(classId);
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Http.Response>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (int i = 0; i < 2; i++) {
				answers.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return this.classes.request(classId, "up");
				}));
			}
			ready.await();
			go.countDown();
		}
		List<Integer> codes = new ArrayList<>();
		Http.Response accepted = null;
		for (Future<Http.Response> answer : answers) {
			Http.Response r = answer.get();
			codes.add(r.status());
			if (r.status() == 202) {
				accepted = r;
			}
			else {
				assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
				assertThat(r.json().path("code").asString()).as(r.toString()).isEqualTo("class-busy");
			}
		}
		assertThat(codes).as("answers to two simultaneous opens").containsExactlyInAnyOrder(202, 409);
		JsonNode op = this.classes.awaitOperation(accepted.json().path("operationId").asString(),
				Duration.ofMinutes(4));
		assertThat(op.path("state").asString()).as(op.toString()).isEqualTo("SUCCEEDED");
		assertThat(OpenClasses.runtimes(classId)).hasSize(2);
	}

	@Test
	void everyStudentClickingTheMomentTheyAreReadyGetsTheirIde() {
		String classId = "oprready" + RUN;
		List<String> students = OpenClasses.students(10);
		this.classes.create(classId, students);
		this.opened.add(classId);
		Http.Response accepted = this.classes.request(classId, "up");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String operationId = accepted.json().path("operationId").asString();

		Map<String, String> firstAnswer = new LinkedHashMap<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		JsonNode op = this.classes.operation(operationId);
		while (firstAnswer.size() < students.size() && System.nanoTime() < deadline) {
			for (JsonNode student : op.path("students")) {
				String id = student.path("studentId").asString();
				if ("READY".equals(student.path("state").asString()) && !firstAnswer.containsKey(id)) {
					firstAnswer.put(id, click(classId, id));
				}
			}
			if (!"RUNNING".equals(op.path("state").asString())) {
				break;
			}
			sleep(100);
			op = this.classes.operation(operationId);
		}
		op = this.classes.awaitOperation(operationId, Duration.ofMinutes(1));
		assertThat(op.path("state").asString()).as(op.toString()).isEqualTo("SUCCEEDED");
		assertThat(firstAnswer).as("what each student got at READY").hasSize(students.size());
		assertThat(firstAnswer.values()).as("what each student got at READY: " + firstAnswer).allMatch("ide"::equals);
	}

	/**
	 * What a student gets right away: the health JSON by the IDE's host at once, then the
	 * workbench page after the IDE sign-in. "ide" when both are code-server's.
	 */
	private String click(String classId, String student) {
		String host = this.stack.ideHost(classId, student);
		Http.Response health = this.http.probe(host);
		if (health.status() != 200 || !health.body().contains("\"lastHeartbeat\"")) {
			return "healthz " + health;
		}
		String cookie = IdeSignIn.IDE_COOKIE + "=" + this.signIn.ideCookie(this.teacherSession, host);
		RawHttp.Reply page = this.raw.get(host, "/", "Cookie", cookie);
		for (int hops = 0; hops < 3 && page.status() / 100 == 3; hops++) {
			String path = IdeSignIn.pathOf(page.location());
			path = path.startsWith("./") ? path.substring(1) : path;
			page = this.raw.get(host, path.startsWith("/") ? path : "/" + path, "Cookie", cookie);
		}
		return (page.status() == 200 && page.body().toLowerCase().contains("code-server")) ? "ide" : "page " + page;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
