package io.caas.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile cases against the composed stack, only through Traefik's published port, on a
 * class of the suite's own ({@code sec<random>}: teacher1 with student1 and student2).
 * Each case must be refused with a clear 4xx (or, for browsers on an IDE host, a redirect
 * to sign-in), and what it tried to change is checked unchanged. Prints
 * {@code hostile cases: N tried, N refused}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuritySuiteIT {

	private static final Duration TRANSITION_TIMEOUT = Duration.ofMinutes(3);

	private final Stack stack = Stack.fromSystemProperties();

	private final RawHttp http = new RawHttp(this.stack);

	private final IdeSignIn signIn = new IdeSignIn(this.http, this.stack);

	private final HostileCases cases = new HostileCases();

	private SuiteContext ctx;

	private ApiAttacks api;

	@BeforeAll
	void openTheSuitesClass() {
		String classId = "sec" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String password = this.stack.password();
		IdeSignIn.Login admin = this.signIn.login("admin", password);
		// Another teacher, who does not teach the suite's class (the demo has only
		// teacher1).
		String otherTeacher = "sect" + classId.substring(3);
		RawHttp.Reply teacher2 = this.http.send("POST", this.stack.appHost(), "/api/users",
				java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"" + otherTeacher
						+ "\",\"password\":\"other-teacher-1\",\"roles\":[\"teacher\"],\"mustChangePassword\":false}"),
				"Content-Type", "application/json", "Authorization", "Bearer " + admin.accessToken());
		assertThat(teacher2.status()).as(teacher2.toString()).isEqualTo(201);
		this.ctx = new SuiteContext(this.stack, this.http, this.signIn, this.cases, classId, admin,
				this.signIn.login("teacher1", password), this.signIn.login(otherTeacher, "other-teacher-1"),
				this.signIn.login("student1", password), this.signIn.login("student2", password));
		this.api = new ApiAttacks(this.ctx);
		String teacher = this.ctx.teacher1().accessToken();
		RawHttp.Reply created = this.ctx.api("POST", "/api/classes", teacher,
				Http.JSON.writeValueAsString(Map.of("classId", classId, "name", "Security " + classId, "subject", "cs",
						"templateId", "codeserver", "students", java.util.List.of("student1", "student2"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(transition(classId, "up")).isEqualTo("SUCCEEDED");
		// Traefik learns of new routers from Docker events, a moment after the class is
		// up.
		for (String host : java.util.List.of(this.ctx.host1(), this.ctx.host2())) {
			RawHttp.Reply routed = Poll.until(() -> this.http.get(host, "/"), r -> r.status() == 302,
					Duration.ofSeconds(60));
			assertThat(routed.status()).as(host + " behind forward-auth: " + routed).isEqualTo(302);
		}
		String cookie = this.signIn.ideCookie(this.ctx.student1().sessionCookie(), this.ctx.host1());
		RawHttp.Reply ide = Poll.until(
				() -> this.http.get(this.ctx.host1(), "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + cookie),
				r -> r.status() == 200 || r.status() == 302 && !r.location().contains("/ide/open"),
				Duration.ofSeconds(60));
		assertThat(ide.status()).as("student1 reaches their own IDE: " + ide).isIn(200, 302);
	}

	@AfterAll
	void closeTheSuitesClass() {
		System.out.println(this.cases.summary());
		this.cases.failures().forEach(failure -> System.out.println("  not refused: " + failure));
		if (this.ctx != null) {
			transition(this.ctx.classId(), "down");
		}
	}

	@Test
	@Order(1)
	void ideHostsLetOnlyTheirPeopleIn() throws Exception {
		new IdeAttacks(this.ctx).run();
	}

	@Test
	@Order(2)
	void noCaasCredentialReachesARuntime() {
		new CredentialLeaks(this.ctx).run();
	}

	@Test
	@Order(3)
	void apiRefusesForgedForeignAndUnauthorisedCalls() {
		this.api.run();
	}

	@Test
	@Order(4)
	void bodiesAndRostersAreCapped() throws Exception {
		LimitAttacks limits = new LimitAttacks(this.ctx);
		limits.run(this.api);
		System.out.println("256 MB body refused in " + limits.hugeMillis() + " ms");
	}

	@Test
	@Order(5)
	void sessionsReallyEnd() throws Exception {
		new SessionAttacks(this.ctx).run();
	}

	@Test
	@Order(99)
	void everyHostileCaseWasRefused() {
		System.out.println(this.cases.summary());
		assertThat(this.cases.failures()).as(this.cases.summary()).isEmpty();
		assertThat(this.cases.tried()).isGreaterThanOrEqualTo(60);
		assertThat(this.cases.refused()).isEqualTo(this.cases.tried());
	}

	private String transition(String classId, String action) {
		String teacher = this.ctx.teacher1().accessToken();
		RawHttp.Reply accepted = this.ctx.api("POST", "/api/classes/" + classId + "/" + action, teacher, null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String operationId = Http.JSON.readTree(accepted.body()).path("operationId").asString();
		return Poll.until(
				() -> Http.JSON.readTree(this.ctx.api("GET", "/api/operations/" + operationId, teacher, null).body()),
				op -> !"RUNNING".equals(op.path("state").asString()), TRANSITION_TIMEOUT)
			.path("state")
			.asString();
	}

}
