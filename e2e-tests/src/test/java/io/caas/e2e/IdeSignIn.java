package io.caas.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does to reach an IDE: sign in on the app host (a host-only session
 * cookie), ask the app host for the IDE (a one-time transfer token), trade the token on
 * the IDE host for that host's own cookie.
 */
final class IdeSignIn {

	static final String SESSION_COOKIE = "caas_session";

	static final String IDE_COOKIE = "caas_ide";

	private final RawHttp http;

	private final Stack stack;

	IdeSignIn(RawHttp http, Stack stack) {
		this.http = http;
		this.stack = stack;
	}

	/** Logs in through the app host; the session cookie must be host-only. */
	Login login(String username, String password) {
		RawHttp.Reply reply = this.http.send("POST", this.stack.appHost(), "/api/auth/login",
				java.net.http.HttpRequest.BodyPublishers
					.ofString(Http.JSON.writeValueAsString(Map.of("username", username, "password", password))),
				"Content-Type", "application/json");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		String setCookie = reply.header("Set-Cookie").orElseThrow();
		assertThat(setCookie.toLowerCase()).as("session cookie is host-only").doesNotContain("domain=");
		JsonNode json = Http.JSON.readTree(reply.body());
		return new Login(json.path("accessToken").asString(), json.path("refreshToken").asString(),
				reply.cookie(SESSION_COOKIE).orElseThrow());
	}

	/** The app host's answer to "open this IDE" for a browser holding {@code session}. */
	RawHttp.Reply open(String sessionCookie, String ideHost) {
		return this.http.get(this.stack.appHost(),
				"/ide/open?host=" + URLEncoder.encode(ideHost, StandardCharsets.UTF_8) + "&path=/", "Cookie",
				SESSION_COOKIE + "=" + sessionCookie);
	}

	/**
	 * Runs the whole flow and returns the IDE host's cookie; fails if any hop is refused.
	 */
	String ideCookie(String sessionCookie, String ideHost) {
		RawHttp.Reply toIde = open(sessionCookie, ideHost);
		assertThat(toIde.status()).as(toIde.toString()).isEqualTo(302);
		RawHttp.Reply exchanged = this.http.get(ideHost, pathOf(toIde.location()));
		assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(302);
		// Absolute and on the IDE host: Traefik would resolve a relative one against the
		// gateway.
		assertThat(exchanged.location()).as("goes on to the IDE host").startsWith("http://" + ideHost);
		String setCookie = exchanged.header("Set-Cookie").orElseThrow();
		assertThat(setCookie.toLowerCase()).contains("httponly", "samesite=lax").doesNotContain("domain=");
		return exchanged.cookie(IDE_COOKIE).orElseThrow();
	}

	/** The transfer token of an allowed browser, without redeeming it. */
	String transferPath(String sessionCookie, String ideHost) {
		RawHttp.Reply toIde = open(sessionCookie, ideHost);
		assertThat(toIde.status()).as(toIde.toString()).isEqualTo(302);
		return pathOf(toIde.location());
	}

	static String pathOf(String url) {
		return url.replaceFirst("^https?://[^/]+", "");
	}

	record Login(String accessToken, String refreshToken, String sessionCookie) {
	}

}
