package io.caas.gateway.forwardauth;

import io.caas.common.identity.ProbeCredential;
import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Traefik's side of the IDE flow: what forward-auth answers for each kind of request. */
class ForwardAuthTest extends GatewayTestSupport {

	private static final String STUDENT1_IDE = "cs101-student1-ide." + DOMAIN;

	private static final String IDE_COOKIE = "caas_ide";

	@Test
	void validIdeCookieForThisHostPassesWithOnlyTheStudentsOwnCookies() {
		forward(STUDENT1_IDE, "/?folder=/home", "GET")
			.header(HttpHeaders.COOKIE,
					IDE_COOKIE + "=" + TestTokens.ide("student1", STUDENT1_IDE, "sid-1") + "; theme=dark; caas_session="
							+ TestTokens.valid("teacher1", "teacher") + "; app=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.COOKIE, "theme=dark; app=1")
			.expectHeader()
			.doesNotExist("X-Caas-User");
	}

	@Test
	void validIdeCookieWithNoOtherCookiesPassesWithNoCookieHeaderAtAll() {
		forward(STUDENT1_IDE, "/", "GET").cookie(IDE_COOKIE, TestTokens.ide("student1", STUDENT1_IDE, "sid-1"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.COOKIE);
	}

	@Test
	void ideCookieMintedForAnotherHostIsSentToTheAppHost() {
		String other = "cs101-student2-ide." + DOMAIN;
		assertRedirectToAppHost(
				forward(STUDENT1_IDE, "/", "GET").cookie(IDE_COOKIE, TestTokens.ide("student2", other, "sid-1"))
					.exchange());
	}

	@Test
	void ideCookieOfAnEndedSessionIsSentToTheAppHost() {
		assertRedirectToAppHost(forward(STUDENT1_IDE, "/", "GET")
			.cookie(IDE_COOKIE, TestTokens.ide("student1", STUDENT1_IDE, "ended-1"))
			.exchange());
	}

	@Test
	void apiAccessTokenIsNoIdeCredential() {
		assertRedirectToAppHost(forward(STUDENT1_IDE, "/", "GET").cookie(IDE_COOKIE, TestTokens.valid("admin", "admin"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid("admin", "admin"))
			.exchange());
	}

	@Test
	void noCredentialRedirectsToTheAppHostKeepingPortAndPath() {
		String location = forward(STUDENT1_IDE + ":18080", "/proxy/3000/?a=1&b=2", "GET").exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(location).startsWith("http://app." + DOMAIN + ":18080/ide/open?host=" + STUDENT1_IDE + "&path=")
			.endsWith("&path=/proxy/3000/?a%3D1%26b%3D2");
	}

	@Test
	void exactlyGetHealthzWithTheProbeTokenPassesWithoutSignIn() {
		forward(STUDENT1_IDE, "/healthz", "GET").header(ProbeCredential.HEADER, PROBE_TOKEN)
			.exchange()
			.expectStatus()
			.isOk();
		assertRedirectToAppHost(
				forward(STUDENT1_IDE, "/healthz", "POST").header(ProbeCredential.HEADER, PROBE_TOKEN).exchange());
		assertRedirectToAppHost(
				forward(STUDENT1_IDE, "/healthz/../", "GET").header(ProbeCredential.HEADER, PROBE_TOKEN).exchange());
		assertRedirectToAppHost(
				forward(STUDENT1_IDE, "/healthzx", "GET").header(ProbeCredential.HEADER, PROBE_TOKEN).exchange());
	}

	/**
	 * Anyone may type an IDE host: without the token a probe is just an anonymous
	 * request, answered the same whether that IDE runs or not, so it tells nobody who is
	 * on which class's roster.
	 */
	@Test
	void getHealthzWithoutTheProbeTokenIsAnOrdinaryAnonymousRequest() {
		assertRedirectToAppHost(forward(STUDENT1_IDE, "/healthz", "GET").exchange());
		assertRedirectToAppHost(forward(STUDENT1_IDE, "/healthz", "GET").header(ProbeCredential.HEADER, "").exchange());
		assertRedirectToAppHost(forward(STUDENT1_IDE, "/healthz", "GET")
			.header(ProbeCredential.HEADER, PROBE_TOKEN.substring(0, PROBE_TOKEN.length() - 1))
			.exchange());
		assertRedirectToAppHost(forward(STUDENT1_IDE, "/healthz", "GET")
			.header(ProbeCredential.HEADER, PROBE_TOKEN.toUpperCase(java.util.Locale.ROOT))
			.exchange());
	}

	@Test
	void aPreviewCookieOpensItsOwnPreviewHostOnlyWithOnlyTheStudentsOwnCookies() {
		String preview = "cs101-student1-p3000." + DOMAIN;
		forward(preview, "/app", "GET")
			.header(HttpHeaders.COOKIE, IDE_COOKIE + "=" + TestTokens.ide("student1", preview, "sid-1") + "; own=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.COOKIE, "own=1");
		assertRedirectToAppHost(
				forward(preview, "/app", "GET").cookie(IDE_COOKIE, TestTokens.ide("student1", STUDENT1_IDE, "sid-1"))
					.exchange());
		assertRedirectToAppHost(
				forward(STUDENT1_IDE, "/", "GET").cookie(IDE_COOKIE, TestTokens.ide("student1", preview, "sid-1"))
					.exchange());
	}

	@Test
	void aCookieOfTheSameNameSetByAnotherHostDoesNotShadowThisHostsOwn() {
		String tossed = TestTokens.ide("student2", "cs101-student2-p3000." + DOMAIN, "sid-2");
		forward(STUDENT1_IDE, "/", "GET")
			.header(HttpHeaders.COOKIE,
					IDE_COOKIE + "=junk; " + IDE_COOKIE + "=" + tossed + "; " + IDE_COOKIE + "="
							+ TestTokens.ide("student1", STUDENT1_IDE, "sid-1"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.COOKIE);
	}

	@Test
	void aPreviewsHealthzIsTheStudentsOwnContentAndNeedsACredential() {
		assertRedirectToAppHost(forward("cs101-student1-p3000." + DOMAIN, "/healthz", "GET").exchange());
		assertRedirectToAppHost(
				forward("cs101-student1-p3000." + DOMAIN, "/healthz", "GET").header(ProbeCredential.HEADER, PROBE_TOKEN)
					.exchange());
	}

	@Test
	void transferTokenForThisHostBecomesAHostOnlyHttpOnlyIdeCookie() {
		String setCookie = forward(STUDENT1_IDE, "/.caas/auth?token=good-for-" + STUDENT1_IDE, "GET").exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.location("http://" + STUDENT1_IDE + "/wanted")
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.SET_COOKIE);
		assertThat(setCookie).startsWith(IDE_COOKIE + "=")
			.contains("Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=3600")
			.doesNotContain("Domain", "Secure");
	}

	@Test
	void transferTokenOfAnotherHostOrUnknownIsSentToTheAppHostWithoutCookie() {
		String other = "cs101-student2-ide." + DOMAIN;
		forward(STUDENT1_IDE, "/.caas/auth?token=good-for-" + other, "GET").exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
		forward(STUDENT1_IDE, "/.caas/auth", "GET").exchange()
			.expectStatus()
			.isFound()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void hostThatIsNoIdeHostThenForbiddenProblem() {
		assertProblem(forward("app." + DOMAIN, "/", "GET").exchange(), 403, "not-an-ide-host");
	}

	@Test
	void spoofedIdentityHeadersGetNobodyIn() {
		assertRedirectToAppHost(forward(STUDENT1_IDE, "/", "GET").header("X-Caas-User", "student1")
			.header("X-Caas-Roles", "admin")
			.exchange());
	}

	private WebTestClient.RequestHeadersSpec<?> forward(String host, String uri, String method) {
		return this.client.get()
			.uri("/forward-auth")
			.header("X-Forwarded-Host", host)
			.header("X-Forwarded-Uri", uri)
			.header("X-Forwarded-Method", method)
			.header("X-Forwarded-Proto", "http");
	}

	private static void assertRedirectToAppHost(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isFound()
			.expectHeader()
			.value(HttpHeaders.LOCATION,
					location -> assertThat(location).startsWith("http://app." + DOMAIN + "/ide/open?host="));
	}

}
