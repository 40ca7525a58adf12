package io.caas.e2e;

import static io.caas.e2e.HostileCases.problem4xx;

/**
 * Hostile API calls: forged, foreign and wrong-audience tokens, spoofed identity,
 * students and other teachers acting on a class, and the never-routed internal API. Every
 * refusal is a problem, and what it tried to change is checked unchanged.
 */
final class ApiAttacks {

	private final SuiteContext ctx;

	ApiAttacks(SuiteContext ctx) {
		this.ctx = ctx;
	}

	void run() {
		HostileCases cases = this.ctx.cases();
		RawHttp http = this.ctx.http();
		String app = this.ctx.app();
		String teacher = this.ctx.teacher1().accessToken();
		String student = this.ctx.student1().accessToken();
		String ide = this.ctx.signIn().ideCookie(this.ctx.student1().sessionCookie(), this.ctx.host1());
		String cls = "/api/classes/" + this.ctx.classId();

		cases.check("IDE token as Bearer on /api", this.ctx.api("GET", "/api/users/me", ide, null),
				r -> problem4xx(r, 401));
		cases.check("IDE token as the app session cookie on /api",
				http.get(app, "/api/users/me", "Cookie", IdeSignIn.SESSION_COOKIE + "=" + ide),
				r -> problem4xx(r, 401));
		cases.check("IDE token as the IDE cookie on the app host",
				http.get(app, "/api/users/me", "Cookie", IdeSignIn.IDE_COOKIE + "=" + ide), r -> problem4xx(r, 401));
		cases.check("alg none token", this.ctx.api("GET", "/api/users", ForgedTokens.algNone("admin", "admin"), null),
				r -> problem4xx(r, 401));
		cases.check("token signed with another key under the real kid",
				this.ctx.api("GET", "/api/users", ForgedTokens.wrongKey(teacher, "admin", 900, "admin"), null),
				r -> problem4xx(r, 401));
		cases.check("real token with roles edited to admin",
				this.ctx.api("GET", "/api/users", ForgedTokens.editedClaims(student), null), r -> problem4xx(r, 401));
		cases.check("expired token (exp in the past)",
				this.ctx.api("GET", "/api/users", ForgedTokens.wrongKey(teacher, "admin", -3600, "admin"), null),
				r -> problem4xx(r, 401));
		cases.check("no token", this.ctx.api("GET", "/api/users/me", null, null), r -> problem4xx(r, 401));
		cases.check("spoofed identity headers without a token",
				http.get(app, "/api/users", "X-Caas-User", "admin", "X-Caas-Roles", "admin"), r -> problem4xx(r, 401));

		String newUser = "{\"username\":\"secx" + this.ctx.classId().substring(3)
				+ "\",\"password\":\"whatever-1\",\"roles\":[\"admin\"]}";
		RawHttp.Reply spoofed = http.send("POST", app, "/api/users",
				java.net.http.HttpRequest.BodyPublishers.ofString(newUser), "Content-Type", "application/json",
				"Authorization", "Bearer " + student, "X-Caas-User", "admin", "X-Caas-Roles", "admin");
		cases.check("student with spoofed admin headers creates a user",
				problem4xx(spoofed, 403) && this.ctx
					.api("GET", "/api/users/secx" + this.ctx.classId().substring(3), this.ctx.admin().accessToken(),
							null)
					.status() == 404);
		cases.check("student creates a class", problem4xx(this.ctx.api("POST", "/api/classes", student,
				"{\"classId\":\"secy\",\"name\":\"x\",\"subject\":\"cs\",\"templateId\":\"codeserver\",\"students\":[]}"),
				403) && this.ctx.api("GET", "/api/classes/secy", this.ctx.admin().accessToken(), null).status() == 404);
		cases.check("student closes the class",
				problem4xx(this.ctx.api("POST", cls + "/down", student, null), 403) && stillOpen());
		cases.check("another teacher closes the class",
				this.ctx.api("POST", cls + "/down", this.ctx.teacher2().accessToken(), null).status() / 100 == 4
						&& stillOpen());
		cases.check("another teacher reads the class status",
				this.ctx.api("GET", cls + "/status", this.ctx.teacher2().accessToken(), null),
				r -> r.status() == 404 || r.status() == 403);
		cases.check("student replaces the roster (JSON)",
				problem4xx(this.ctx.api("PUT", cls + "/roster", student, "{\"students\":[\"student1\"]}"), 403)
						&& rosterUnchanged());
		cases.check("student replaces the roster (CSV)",
				problem4xx(http.send("POST", app, cls + "/roster.csv",
						java.net.http.HttpRequest.BodyPublishers.ofString("student1\n"), "Content-Type", "text/csv",
						"Authorization", "Bearer " + student), 403) && rosterUnchanged());
		cases.check("teacher's cookie alone on a state-changing call (CSRF)",
				problem4xx(http.send("POST", app, cls + "/down", java.net.http.HttpRequest.BodyPublishers.noBody(),
						"Cookie", IdeSignIn.SESSION_COOKIE + "=" + this.ctx.teacher1().sessionCookie()), 401)
						&& stillOpen());
		cases.check("internal session API through the app host",
				this.ctx.api("GET", "/internal/sessions/x", teacher, null), r -> problem4xx(r, 404));
		cases.check("internal password check through the app host",
				this.ctx.api("POST", "/internal/users/verify", null, "{\"username\":\"admin\",\"password\":\"x\"}"),
				r -> problem4xx(r, 404));
		cases.check("internal transfer minting through the app host", this.ctx.api("POST", "/internal/ide-transfers",
				teacher, "{\"sid\":\"x\",\"host\":\"x\",\"path\":\"/\"}"), r -> problem4xx(r, 404));
		cases.check("internal preview routes through the app host",
				this.ctx.api("GET", "/internal/traefik/previews", teacher, null), r -> problem4xx(r, 404));
		cases.check("internal preview routes by an encoded climb out of the API",
				this.ctx.api("GET", "/api/classes/%2e%2e/%2e%2e/internal/traefik/previews", teacher, null),
				r -> r.status() >= 400 && r.status() < 500);
	}

	private boolean stillOpen() {
		return "OPEN".equals(
				Http.JSON
					.readTree(
							this.ctx
								.api("GET", "/api/classes/" + this.ctx.classId() + "/status",
										this.ctx.teacher1().accessToken(), null)
								.body())
					.path("state")
					.asString());
	}

	boolean rosterUnchanged() {
		return Http.JSON
			.readTree(this.ctx.api("GET", "/api/classes/" + this.ctx.classId(), this.ctx.teacher1().accessToken(), null)
				.body())
			.path("students")
			.size() == 2;
	}

}
