package io.caas.classes.routing;

import java.util.ArrayList;
import java.util.List;

import io.caas.classes.support.Fixtures;
import io.caas.classes.support.HeaderEcho;
import io.caas.classes.support.HeaderEcho.Reply;
import io.caas.common.identity.ProbeCredential;

/**
 * One request to an IDE host for {@link ProbeRouterIT}: method, path, the Host header as
 * a format of the IDE host, and the router it must take. Every request carries every
 * credential header a client could send, twice where case could matter, and unless it
 * says otherwise the probe token.
 */
record ProbeCase(String method, String path, Way way, String hostForm, String extraHeader) {

	/** The probe token class-service sends (the tests' Traefiks know it). */
	static final String TOKEN = ProbeCredential.HEADER + ": " + Fixtures.PROBE_TOKEN;

	static final List<String> CREDENTIALS = List.of("Cookie", "Authorization", "Proxy-Authorization", "X-Caas-User",
			"X-Caas-Roles", "X-Forwarded-User");

	ProbeCase(String method, String path, Way way) {
		this(method, path, way, "%s", TOKEN);
	}

	ProbeCase(String method, String path, Way way, String hostForm) {
		this(method, path, way, hostForm, TOKEN);
	}

	/** class-service's last READY check: the probe path by the main router. */
	static ProbeCase fullRoute() {
		return new ProbeCase("GET", "/healthz", Way.MAIN, "%s",
				TOKEN + "\r\n" + Labels.PROBE_ROUTE_HEADER + ": " + Labels.FULL_ROUTE);
	}

	/**
	 * {@code GET /healthz} without the probe token, or with a wrong or empty one: an
	 * ordinary request, by the main router (forward-auth), whatever the host.
	 */
	static List<ProbeCase> withoutTheToken() {
		String token = Fixtures.PROBE_TOKEN;
		return List.of(new ProbeCase("GET", "/healthz", Way.MAIN, "%s", ""),
				new ProbeCase("GET", "/healthz", Way.MAIN, "%s", ProbeCredential.HEADER + ": "),
				new ProbeCase("GET", "/healthz", Way.MAIN, "%s",
						ProbeCredential.HEADER + ": " + token.substring(0, token.length() - 1)),
				new ProbeCase("GET", "/healthz", Way.MAIN, "%s",
						ProbeCredential.HEADER + ": " + token.toUpperCase(java.util.Locale.ROOT)),
				new ProbeCase("GET", "/healthz", Way.MAIN, "%s", "Caas-Probe-Tokens: " + token),
				new ProbeCase("GET", "/healthz", Way.MAIN, "%s:80", ""),
				new ProbeCase("GET", "/healthz", Way.MAIN, "%s.", ""));
	}

	/** The router a request took. */
	enum Way {

		/**
		 * {@code <router>-healthz} (caas-ide-probe, no forward-auth) or, on a host no
		 * runtime serves, {@code ide-probes} (Traefik answers it itself).
		 */
		PROBE,
		/** The runtime's own router or {@code ide-pages}: caas-ide-auth. */
		MAIN

	}

	/** For a host no runtime serves (the catch-alls) and for a runtime's host. */
	static List<ProbeCase> catchAll() {
		List<ProbeCase> cases = new ArrayList<>(List.of(new ProbeCase("GET", "/healthz", Way.PROBE),
				new ProbeCase("GET", "/other", Way.MAIN), new ProbeCase("POST", "/healthz", Way.MAIN),
				new ProbeCase("HEAD", "/healthz", Way.MAIN), new ProbeCase("GET", "/healthz/x", Way.MAIN),
				new ProbeCase("GET", "/HEALTHZ", Way.MAIN), new ProbeCase("GET", "//healthz", Way.PROBE),
				new ProbeCase("GET", "/x/../healthz", Way.PROBE), new ProbeCase("GET", "/%68ealthz", Way.PROBE),
				new ProbeCase("GET", "/healthz?ready=1", Way.PROBE),
				new ProbeCase("GET", "/healthz", Way.PROBE, "%s", "caas-probe-token: " + Fixtures.PROBE_TOKEN),
				// the fully qualified name: Traefik's Host() takes it, so the catch-alls
				// do
				new ProbeCase("GET", "/healthz", Way.PROBE, "%s."), new ProbeCase("GET", "/other", Way.MAIN, "%s."),
				fullRoute()));
		cases.addAll(withoutTheToken());
		return cases;
	}

	/**
	 * For a runtime's host. Traefik (3.6) sanitizes the path before routing and forwards
	 * the sanitized one: {@code //healthz}, {@code /x/../healthz} and {@code /%68ealthz}
	 * arrive as {@code GET /healthz} by the probe router, which is harmless.
	 */
	static List<ProbeCase> runtime() {
		List<ProbeCase> cases = new ArrayList<>(catchAll());
		cases.add(new ProbeCase("GET", "/healthz", Way.PROBE, "%s:80"));
		cases.add(new ProbeCase("GET", "/healthz", Way.PROBE, "%S"));
		cases.add(new ProbeCase("GET", "/", Way.MAIN));
		cases.add(new ProbeCase("GET", "/other", Way.MAIN, "%s:80"));
		cases.add(new ProbeCase("PUT", "/healthz", Way.MAIN));
		cases.add(new ProbeCase("DELETE", "/healthz", Way.MAIN));
		cases.add(new ProbeCase("OPTIONS", "/healthz", Way.MAIN));
		cases.add(new ProbeCase("GET", "/healthz/", Way.MAIN));
		cases.add(new ProbeCase("GET", "/Healthz", Way.MAIN));
		cases.add(new ProbeCase("GET", "/healthz.json", Way.MAIN));
		cases.add(new ProbeCase("GET", "/healthz;x", Way.MAIN));
		cases.add(new ProbeCase("GET", "/healthzx", Way.MAIN));
		cases.add(new ProbeCase("GET", "/x/healthz", Way.MAIN));
		return cases;
	}

	String request(String host) {
		return this.method + " " + this.path + " HTTP/1.1\r\nHost: " + this.hostForm.formatted(host) + "\r\n"
				+ "Cookie: caas_session=prb-secret; theme=dark\r\ncookie: caas_refresh=prb-secret2\r\n"
				+ "Authorization: Bearer prb-client-token\r\nProxy-Authorization: Basic cHJiOnByYg==\r\n"
				+ "X-Caas-User: prb-mallory\r\nx-caas-user: prb-mallory2\r\nX-Caas-Roles: ADMIN\r\n"
				+ "X-Forwarded-User: prb-mallory\r\n" + (this.extraHeader.isEmpty() ? "" : this.extraHeader + "\r\n")
				+ (this.method.equals("GET") ? "" : "Content-Length: 0\r\n") + "Connection: close\r\n\r\n";
	}

	/**
	 * What is wrong with the reply, empty when nothing. Which router took the request is
	 * told by what reached the echo: the pass-through stand-in of forward-auth adds
	 * {@code X-Caas-Test-Passthrough}, the real forward-auth replaces
	 * {@code Authorization} with the stand-in gateway's mark.
	 * @param passthrough whether the Traefik runs the pass-through stand-in, where the
	 * client's Cookie must reach the runtime by the main router (the control: what the
	 * probe router removes is not lost anyway)
	 */
	List<String> wrong(String edge, boolean passthrough, String backend, Reply reply) {
		String label = edge + " " + this + ": ";
		if (!backend.equals(reply.who())) {
			return List.of(label + "reached " + reply.who() + ", status " + reply.status() + "\n" + reply.raw());
		}
		boolean passthroughRan = "true".equals(reply.header("X-Caas-Test-Passthrough"));
		boolean forwardAuthRan = HeaderEcho.FORWARD_AUTH_MARK.equals(reply.header("Authorization"));
		Way took = (passthroughRan || forwardAuthRan) ? Way.MAIN : Way.PROBE;
		if (took != this.way) {
			return List.of(label + "took " + took + ", received " + reply.echo());
		}
		List<String> wrong = new ArrayList<>();
		if (reply.header(ProbeCredential.HEADER) != null) {
			wrong.add(label + "the probe token reached " + reply.who() + ": " + reply.echo());
		}
		if (took == Way.PROBE) {
			if (!reply.url().split("\\?")[0].equals(Labels.HEALTH_PATH)) {
				wrong.add(label + "the probe router forwarded " + reply.url());
			}
			CREDENTIALS.stream()
				.filter(h -> reply.header(h) != null)
				.forEach(h -> wrong.add(label + "received " + h + ": " + reply.header(h)));
			if (!"1".equals(reply.header("X-Caas-Anonymous-Probe"))) {
				wrong.add(label + "not marked as an anonymous probe: " + reply.echo());
			}
		}
		else if (passthrough && reply.header("Cookie") == null) {
			wrong.add(label + "the client's Cookie did not arrive: " + reply.echo());
		}
		if (!this.method.equals(reply.method())) {
			wrong.add(label + "arrived as " + reply.method());
		}
		return wrong;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + " Host " + this.hostForm
				+ (this.extraHeader.isEmpty() ? "" : " " + this.extraHeader) + " (expected " + this.way + ")";
	}

}
