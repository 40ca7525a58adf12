package io.caas.e2e;

import java.io.IOException;

import static io.caas.e2e.HostileCases.toSignIn;

/**
 * Hostile requests on IDE hosts: nobody but the student, the class's teacher and admins
 * gets past forward-auth, by HTTP or WebSocket, with any credential but that host's own
 * IDE cookie of a live session.
 */
final class IdeAttacks {

	private final SuiteContext ctx;

	IdeAttacks(SuiteContext ctx) {
		this.ctx = ctx;
	}

	void run() throws IOException {
		HostileCases cases = this.ctx.cases();
		RawHttp http = this.ctx.http();
		Stack stack = this.ctx.stack();
		String h1 = this.ctx.host1();
		String h2 = this.ctx.host2();
		String s2Cookie = this.ctx.signIn().ideCookie(this.ctx.student2().sessionCookie(), h2);
		String teacherApi = this.ctx.teacher1().accessToken();

		cases.check("anonymous GET / on a student's IDE", http.get(h1, "/"), r -> toSignIn(r, stack));
		cases.check("anonymous GET /proxy/3000/", http.get(h1, "/proxy/3000/"), r -> toSignIn(r, stack));
		cases.check("anonymous POST /",
				http.send("POST", h1, "/", java.net.http.HttpRequest.BodyPublishers.ofString("x")),
				r -> toSignIn(r, stack));
		cases.check("anonymous /.caas/auth without token", http.get(h1, "/.caas/auth"),
				r -> toSignIn(r, stack) && r.cookie(IdeSignIn.IDE_COOKIE).isEmpty());
		cases.check("another student asks the app host for the IDE",
				this.ctx.signIn().open(this.ctx.student2().sessionCookie(), h1), SuiteContext::refusalPage);
		cases.check("another teacher asks the app host for the IDE",
				this.ctx.signIn().open(this.ctx.teacher2().sessionCookie(), h1), SuiteContext::refusalPage);
		cases.check("another student's IDE cookie (their host) sent to this host",
				http.get(h1, "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + s2Cookie), r -> toSignIn(r, stack));
		cases.check("another student's cookie with a spoofed X-Forwarded-Host",
				http.get(h1, "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + s2Cookie, "X-Forwarded-Host", h2),
				r -> toSignIn(r, stack));
		cases.check("teacher's API access token as the IDE cookie",
				http.get(h1, "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + teacherApi), r -> toSignIn(r, stack));
		cases.check("teacher's API access token as Authorization",
				http.get(h1, "/", "Authorization", "Bearer " + teacherApi), r -> toSignIn(r, stack));
		cases.check("teacher's app session cookie on the IDE host",
				http.get(h1, "/", "Cookie", IdeSignIn.SESSION_COOKIE + "=" + this.ctx.teacher1().sessionCookie()),
				r -> toSignIn(r, stack));
		cases.check("spoofed identity headers on the IDE host",
				http.get(h1, "/", "X-Caas-User", "student1", "X-Caas-Roles", "admin", "X-Forwarded-User", "student1"),
				r -> toSignIn(r, stack));
		cases.check("alg none token as the IDE cookie",
				http.get(h1, "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + ForgedTokens.algNone("student1", "student")),
				r -> toSignIn(r, stack));
		cases.check("IDE token signed with another key",
				http.get(h1, "/", "Cookie",
						IdeSignIn.IDE_COOKIE + "=" + ForgedTokens.wrongKey(teacherApi, "student1", 900, "student")),
				r -> toSignIn(r, stack));

		// An IDE host no runtime serves reaches the catch-all (class-service's pages,
		// which also
		// wake idle runtimes) only through the same forward-auth.
		String unserved = stack.ideHost("secnone", "student1");
		cases.check("anonymous GET / on an IDE host no runtime serves", http.get(unserved, "/"),
				r -> toSignIn(r, stack));
		cases.check("anonymous POST on an IDE host no runtime serves",
				http.send("POST", unserved, "/x", java.net.http.HttpRequest.BodyPublishers.ofString("x")),
				r -> toSignIn(r, stack));
		cases.check("another student's IDE cookie on an IDE host no runtime serves",
				http.get(unserved, "/", "Cookie", IdeSignIn.IDE_COOKIE + "=" + s2Cookie), r -> toSignIn(r, stack));

		// GET /healthz without the probe token is an anonymous request like any other:
		// the
		// same answer (the sign-in) whether the host's IDE runs (h1), its class is closed
		// (the demo's cs101, student3 on its roster) or nothing of the kind exists, so a
		// guessed host tells nobody who is on which class's roster. The control: with the
		// token, h1 answers code-server's health JSON (what class-service probes).
		RawHttp.Reply probe = http.get(h1, "/healthz", "Caas-Probe-Token", stack.probeToken());
		if (probe.status() != 200 || !probe.body().contains("\"lastHeartbeat\"")) {
			throw new IllegalStateException("a probe with the token must reach the running IDE: " + probe);
		}
		RawHttp.Reply unknownClass = http.get(unserved, "/healthz");
		RawHttp.Reply unknownFull = http.get(unserved, "/healthz", "X-Caas-Probe", "full");
		RawHttp.Reply unknownWrong = http.get(unserved, "/healthz", "Caas-Probe-Token", wrongToken(stack));
		for (String host : java.util.List.of(h1, stack.ideHost("cs101", "student3"),
				stack.ideHost("cs101", "nobody"))) {
			cases.check("anonymous GET /healthz tells " + host + " from an unknown class", http.get(host, "/healthz"),
					r -> toSignIn(r, stack) && sameAnswer(r, host, unknownClass, unserved));
			cases.check("anonymous full-route /healthz tells " + host + " from an unknown class",
					http.get(host, "/healthz", "X-Caas-Probe", "full"),
					r -> toSignIn(r, stack) && sameAnswer(r, host, unknownFull, unserved));
			cases.check("a wrong probe token tells " + host + " from an unknown class",
					http.get(host, "/healthz", "Caas-Probe-Token", wrongToken(stack)),
					r -> toSignIn(r, stack) && sameAnswer(r, host, unknownWrong, unserved));
		}

		// The fully qualified name (a trailing dot), which Traefik's Host() routes like
		// the
		// name: the same sign-in for a running IDE as for an unknown host, never the
		// gateway's "not an IDE host" for one and the edge's 404 for the other.
		for (String path : java.util.List.of("/", "/healthz")) {
			RawHttp.Reply unknownDotted = http.get(unserved + ".", path);
			cases.check(
					"anonymous GET " + path + " on a running IDE's fully qualified name tells it from an unknown one",
					http.get(h1 + ".", path), r -> toSignIn(r, stack) && sameAnswer(r, h1, unknownDotted, unserved));
		}

		String transfer = this.ctx.signIn().transferPath(this.ctx.student1().sessionCookie(), h1);
		cases.check("transfer token of one IDE host redeemed on another", http.get(h2, transfer),
				r -> r.status() == 302 && r.cookie(IdeSignIn.IDE_COOKIE).isEmpty());
		String replayable = this.ctx.signIn().transferPath(this.ctx.student1().sessionCookie(), h1);
		RawHttp.Reply first = http.get(h1, replayable);
		if (first.cookie(IdeSignIn.IDE_COOKIE).isEmpty()) {
			throw new IllegalStateException("a fresh transfer token must work once: " + first);
		}
		cases.check("transfer token replayed", http.get(h1, replayable),
				r -> toSignIn(r, stack) && r.cookie(IdeSignIn.IDE_COOKIE).isEmpty());
		cases.check("invented transfer token",
				http.get(h1, "/.caas/auth?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
				r -> toSignIn(r, stack) && r.cookie(IdeSignIn.IDE_COOKIE).isEmpty());

		int port = stack.httpPort();
		cases.check("anonymous WebSocket upgrade", WebSocketProbe.upgradeStatusLine(port, h1),
				line -> !line.contains(" 101 "));
		cases.check("WebSocket upgrade with another student's IDE cookie",
				WebSocketProbe.upgradeStatusLine(port, h1, IdeSignIn.IDE_COOKIE + "=" + s2Cookie),
				line -> !line.contains(" 101 "));
		cases.check("WebSocket upgrade with the teacher's API token as cookie",
				WebSocketProbe.upgradeStatusLine(port, h1, IdeSignIn.IDE_COOKIE + "=" + teacherApi),
				line -> !line.contains(" 101 "));
		cases.check("WebSocket upgrade with the app session cookie",
				WebSocketProbe.upgradeStatusLine(port, h1,
						IdeSignIn.SESSION_COOKIE + "=" + this.ctx.student1().sessionCookie()),
				line -> !line.contains(" 101 "));
	}

	/** The same answer, but for the host each was asked by. */
	private static boolean sameAnswer(RawHttp.Reply a, String aHost, RawHttp.Reply b, String bHost) {
		return a.status() == b.status() && a.body().replace(aHost, "HOST").equals(b.body().replace(bHost, "HOST"))
				&& a.location().replace(aHost, "HOST").equals(b.location().replace(bHost, "HOST"));
	}

	/** The probe token with its last character changed. */
	private static String wrongToken(Stack stack) {
		String token = stack.probeToken();
		return token.substring(0, token.length() - 1) + (token.endsWith("x") ? "y" : "x");
	}

}
