package io.caas.e2e;

import java.time.Duration;
import java.util.List;

/**
 * A teacher opens a student's IDE while a process of the student's echoes every header it
 * receives. Whatever the teacher's browser sends (IDE cookie, app session cookie, API
 * token), the student's process must see none of it; the student's own cookies pass.
 */
final class CredentialLeaks {

	private static final String ECHO = "require('http').createServer((q,s)=>{s.setHeader('content-type',"
			+ "'application/json');s.end(JSON.stringify({url:q.url,headers:q.headers}))}).listen(3000,'0.0.0.0')";

	private final SuiteContext ctx;

	CredentialLeaks(SuiteContext ctx) {
		this.ctx = ctx;
	}

	void run() {
		String container = this.ctx.runtimeOf("student1");
		String node = Docker.run("exec", container, "sh", "-c",
				"command -v node || find / -xdev -name node -type f -perm -u+x 2>/dev/null | head -n 1");
		Docker.run("exec", "-d", container, node.lines().findFirst().orElseThrow().trim(), "-e", ECHO);
		String h1 = this.ctx.host1();
		String ideCookie = this.ctx.signIn().ideCookie(this.ctx.teacher1().sessionCookie(), h1);
		List<String> secrets = List.of(ideCookie, this.ctx.teacher1().accessToken(),
				this.ctx.teacher1().sessionCookie());
		String[] browser = { "Cookie",
				IdeSignIn.IDE_COOKIE + "=" + ideCookie + "; mine=1; " + IdeSignIn.SESSION_COOKIE + "="
						+ this.ctx.teacher1().sessionCookie(),
				"Authorization", "Bearer " + this.ctx.teacher1().accessToken(), "Proxy-Authorization",
				"Basic dGVhY2hlcjE6cGFzcw==" };
		for (String path : List.of("/proxy/3000/echo", "/absproxy/3000/echo")) {
			RawHttp.Reply seen = Poll.until(() -> this.ctx.http().get(h1, path, browser),
					r -> r.status() == 200 && r.body().contains("\"headers\""), Duration.ofSeconds(30));
			if (seen.status() != 200 || !seen.body().contains("mine=1")) {
				throw new IllegalStateException("the student's echo server must answer with the student's own cookie "
						+ "through " + path + ": " + seen);
			}
			String headers = seen.body();
			HostileCases cases = this.ctx.cases();
			cases.check("IDE cookie reaches the runtime via " + path, !headers.contains(IdeSignIn.IDE_COOKIE + "="));
			cases.check("app session cookie reaches the runtime via " + path,
					!headers.contains(IdeSignIn.SESSION_COOKIE + "="));
			cases.check("Authorization reaches the runtime via " + path, !headers.contains("\"authorization\""));
			cases.check("Proxy-Authorization reaches the runtime via " + path,
					!headers.contains("\"proxy-authorization\""));
			cases.check("any CaaS token text reaches the runtime via " + path,
					secrets.stream().noneMatch(headers::contains));
			cases.check("identity headers reach the runtime via " + path, !headers.contains("x-caas-"));
		}
	}

}
