package io.caas.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school's data through Traefik and the gateway: an admin imports users from CSV (a
 * bad line is flagged and nothing written until fixed) and creates a subject; a teacher
 * opens a one-seat section for self-enrolment; two new students change their initial
 * passwords at first sign-in (nothing else is open to them before) and compete for the
 * seat; the admin ends a session and sees the overview.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolDataIT {

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final String INITIAL = "initial-pass-" + RUN;

	private static final String CHOSEN = "chosen-pass-" + RUN;

	private final Stack stack = Stack.fromSystemProperties();

	private final Http http = new Http(this.stack);

	@Test
	void adminImportsStudentsAndTheyCompeteForASelfEnrolmentSeat() {
		String admin = login("admin", this.stack.password());
		String a = "sch" + RUN + "a";
		String b = "sch" + RUN + "b";
		String bad = "username,displayName,roles\n" + a + ",Student A,student\n" + b + ",Student B,pupil\n";
		String importPath = "/api/users/import?initialPassword=" + INITIAL;

		Http.Response preview = this.http.post(app(), importPath + "&dryRun=true", admin, "text/csv", bad);
		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		assertThat(preview.json().path("valid").asBoolean()).isFalse();
		assertThat(preview.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
		Http.Response refused = this.http.post(app(), importPath, admin, "text/csv", bad);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(
				this.http.postJson(app(), "/api/auth/login", null, Map.of("username", a, "password", INITIAL)).status())
			.isEqualTo(401);
		Http.Response imported = this.http.post(app(), importPath, admin, "text/csv", bad.replace("pupil", "student"));
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);

		String subject = "sch" + RUN;
		Http.Response created = this.http.postJson(app(), "/api/subjects", admin,
				Map.of("subjectId", subject, "name", "School e2e " + RUN));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		String teacher = login("teacher1", this.stack.password());
		String classId = "sch" + RUN + "s";
		Http.Response section = this.http.postJson(app(), "/api/classes", teacher,
				Map.of("classId", classId, "name", "Section " + RUN, "subject", subject, "templateId", "codeserver",
						"students", java.util.List.of(), "capacity", 1, "selfEnrol", true));
		assertThat(section.status()).as(section.toString()).isEqualTo(201);

		String studentA = firstSignIn(a);
		String studentB = firstSignIn(b);
		assertThat(this.http.get(app(), "/api/classes?selfEnrol=true", studentA).json().findValuesAsString("classId"))
			.contains(classId);
		String enrolment = "/api/classes/" + classId + "/enrolment";
		assertThat(this.http.postJson(app(), enrolment, studentA, null).status()).isEqualTo(200);
		Http.Response full = this.http.postJson(app(), enrolment, studentB, null);
		assertThat(full.status()).as(full.toString()).isEqualTo(409);
		assertThat(full.json().path("code").asString()).isEqualTo("class-full");
		assertThat(this.http.delete(app(), enrolment, studentA).status()).isEqualTo(204);
		assertThat(this.http.postJson(app(), enrolment, studentB, null).status()).isEqualTo(200);

		Http.Response inUse = this.http.delete(app(), "/api/subjects/" + subject, admin);
		assertThat(inUse.status()).as(inUse.toString()).isEqualTo(409);

		Http.Response sessions = this.http.get(app(), "/api/sessions?username=" + b, admin);
		assertThat(sessions.status()).as(sessions.toString()).isEqualTo(200);
		String sessionId = sessions.json().get(0).path("sessionId").asString();
		assertThat(this.http.delete(app(), "/api/sessions/" + sessionId, admin).status()).isEqualTo(204);
		assertThat(this.http.get(app(), "/api/classes", studentB).status()).isEqualTo(401);
		assertThat(this.http.get(app(), "/api/admin/overview", admin).status()).isEqualTo(200);
		assertThat(this.http.get(app(), "/api/admin/overview", teacher).status()).isEqualTo(403);
	}

	/**
	 * An imported user's first sign-in: only the password change is open to them, then
	 * every session has ended and the chosen password signs in fully.
	 */
	private String firstSignIn(String username) {
		Http.Response first = this.http.postJson(app(), "/api/auth/login", null,
				Map.of("username", username, "password", INITIAL));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("mustChangePassword").asBoolean()).isTrue();
		String pending = first.json().path("accessToken").asString();
		Http.Response held = this.http.get(app(), "/api/classes", pending);
		assertThat(held.status()).as(held.toString()).isEqualTo(403);
		assertThat(held.json().path("code").asString()).isEqualTo("password-change-required");
		assertThat(this.http.get(app(), "/api/users/me", pending).status()).isEqualTo(200);
		Http.Response changed = this.http.putJson(app(), "/api/users/me/password", pending,
				Map.of("currentPassword", INITIAL, "newPassword", CHOSEN));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		assertThat(this.http.get(app(), "/api/users/me", pending).status()).isEqualTo(401);
		Http.Response again = this.http.postJson(app(), "/api/auth/login", null,
				Map.of("username", username, "password", CHOSEN));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("mustChangePassword").asBoolean()).isFalse();
		return again.json().path("accessToken").asString();
	}

	private String login(String username, String password) {
		Http.Response response = this.http.postJson(app(), "/api/auth/login", null,
				Map.of("username", username, "password", password));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("accessToken").asString();
	}

	private String app() {
		return this.stack.appHost();
	}

}
