package io.caas.e2e;

import java.io.IOException;
import java.util.UUID;

import static io.caas.e2e.HostileCases.problem4xx;
import static io.caas.e2e.HostileCases.toSignIn;

/**
 * Sessions that really end: after logout, a password change, an admin disabling the
 * account or a replayed refresh token, nothing of that session works any more, at once,
 * on the API or on any IDE host. Guessing passwords is throttled.
 */
final class SessionAttacks {

	private final SuiteContext ctx;

	SessionAttacks(SuiteContext ctx) {
		this.ctx = ctx;
	}

	void run() throws IOException {
		HostileCases cases = this.ctx.cases();
		RawHttp http = this.ctx.http();
		Stack stack = this.ctx.stack();
		String h1 = this.ctx.host1();

		IdeSignIn.Login gone = this.ctx.signIn().login("student1", stack.password());
		String ideCookie = this.ctx.signIn().ideCookie(gone.sessionCookie(), h1);
		IdeSignIn.Login teacherGone = this.ctx.signIn().login("teacher1", stack.password());
		String teacherIde = this.ctx.signIn().ideCookie(teacherGone.sessionCookie(), h1);
		logout(gone.accessToken());
		logout(teacherGone.accessToken());
		cases.check("logged-out access token", this.ctx.api("GET", "/api/users/me", gone.accessToken(), null),
				r -> problem4xx(r, 401));
		cases.check("logged-out session cookie", http.get(this.ctx.app(), "/api/users/me", "Cookie",
				IdeSignIn.SESSION_COOKIE + "=" + gone.sessionCookie()), r -> problem4xx(r, 401));
		cases.check("logged-out refresh token", refresh(gone.refreshToken()), r -> problem4xx(r, 401));
		cases.check("logged-out student's IDE cookie",
				http.get(h1, "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + ideCookie), r -> toSignIn(r, stack));
		cases.check("logged-out teacher's IDE cookie on the student's IDE",
				http.get(h1, "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + teacherIde), r -> toSignIn(r, stack));
		cases.check("logged-out IDE cookie on a WebSocket upgrade",
				WebSocketProbe.upgradeStatusLine(stack.httpPort(), h1, IdeSignIn.IDE_COOKIE + "=" + ideCookie),
				line -> !line.contains(" 101 "));
		cases.check("logged-out session asks the app host for an IDE", this.ctx.signIn().open(gone.sessionCookie(), h1),
				r -> r.status() == 302 && r.location().startsWith("/?next="));

		IdeSignIn.Login replayed = this.ctx.signIn().login("student2", stack.password());
		RawHttp.Reply rotated = refresh(replayed.refreshToken());
		String second = Http.JSON.readTree(rotated.body()).path("refreshToken").asString();
		String secondAccess = Http.JSON.readTree(rotated.body()).path("accessToken").asString();
		cases.check("replayed refresh token", refresh(replayed.refreshToken()), r -> problem4xx(r, 401));
		cases.check("refresh token of a session revoked by a replay", refresh(second), r -> problem4xx(r, 401));
		cases.check("access token of a session revoked by a replay",
				this.ctx.api("GET", "/api/users/me", secondAccess, null), r -> problem4xx(r, 401));

		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String changer = createUser("secpw" + suffix);
		IdeSignIn.Login before = this.ctx.signIn().login(changer, "first-pass-1");
		IdeSignIn.Login other = this.ctx.signIn().login(changer, "first-pass-1");
		RawHttp.Reply changed = this.ctx.api("PUT", "/api/users/me/password", before.accessToken(),
				"{\"currentPassword\":\"first-pass-1\",\"newPassword\":\"second-pass-2\"}");
		if (changed.status() != 204) {
			throw new IllegalStateException("password change must succeed: " + changed);
		}
		cases.check("access token from before a password change",
				this.ctx.api("GET", "/api/users/me", before.accessToken(), null), r -> problem4xx(r, 401));
		cases.check("other device's token after a password change",
				this.ctx.api("GET", "/api/users/me", other.accessToken(), null), r -> problem4xx(r, 401));
		cases.check("old password after a password change", loginReply(changer, "first-pass-1"),
				r -> problem4xx(r, 401));

		String disabled = createUser("secdis" + suffix);
		IdeSignIn.Login victim = this.ctx.signIn().login(disabled, "first-pass-1");
		RawHttp.Reply patch = this.ctx.api("PATCH", "/api/users/" + disabled, this.ctx.admin().accessToken(),
				"{\"disabled\":true}");
		if (patch.status() != 200) {
			throw new IllegalStateException("admin must be able to disable a user: " + patch);
		}
		cases.check("token of a user an admin disabled",
				this.ctx.api("GET", "/api/users/me", victim.accessToken(), null), r -> problem4xx(r, 401));
		cases.check("refresh of a user an admin disabled", refresh(victim.refreshToken()), r -> problem4xx(r, 401));
		cases.check("login of a user an admin disabled", loginReply(disabled, "first-pass-1"), r -> problem4xx(r, 401));

		String target = "secthrottle" + suffix;
		for (int i = 0; i < 5; i++) {
			loginReply(target, "guess-" + i);
		}
		cases.check("sixth wrong password in a row (throttled)", loginReply(target, "guess-6"),
				r -> problem4xx(r, 429) && r.header("Retry-After").map(Long::parseLong).orElse(0L) > 0);
	}

	private String createUser(String username) {
		RawHttp.Reply created = this.ctx.api("POST", "/api/users", this.ctx.admin().accessToken(), "{\"username\":\""
				+ username + "\",\"password\":\"first-pass-1\",\"roles\":[\"student\"],\"mustChangePassword\":false}");
		if (created.status() != 201) {
			throw new IllegalStateException("admin must be able to create " + username + ": " + created);
		}
		return username;
	}

	private void logout(String accessToken) {
		RawHttp.Reply reply = this.ctx.api("POST", "/api/auth/logout", accessToken, null);
		if (reply.status() != 204) {
			throw new IllegalStateException("logout must answer 204: " + reply);
		}
	}

	private RawHttp.Reply refresh(String refreshToken) {
		return this.ctx.api("POST", "/api/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
	}

	private RawHttp.Reply loginReply(String username, String password) {
		return this.ctx.api("POST", "/api/auth/login", null,
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
	}

}
