package io.caas.gateway;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

class GatewaySecurityTest extends GatewayTestSupport {

	@Test
	void apiCallWithoutTokenThenUnauthorizedProblem() {
		assertProblem(this.client.get().uri("/api/users/me").exchange(), 401, "unauthorized");
	}

	@Test
	void apiCallWithoutTokenThenAlsoAdvertisesBearer() {
		this.client.get()
			.uri("/api/classes")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void tokenWithFlippedSignatureBitThenUnauthorizedProblem() {
		String token = TestTokens.tampered(TestTokens.valid("student1", "student"));
		assertUnauthorized(token);
	}

	@Test
	void expiredTokenThenUnauthorizedProblem() {
		String token = TestTokens.expired("student1", "student");
		assertUnauthorized(token);
	}

	@Test
	void tokenFromAnotherIssuerThenUnauthorizedProblem() {
		String token = TestTokens.withIssuer("someone-else", "admin", "admin");
		assertUnauthorized(token);
	}

	@Test
	void tokenSignedWithAnotherKeyUnderTheSameKidThenUnauthorizedProblem() {
		String token = TestTokens.signedByStranger("admin", "admin");
		assertUnauthorized(token);
	}

	@Test
	void loginWithoutTokenThenForwardedWithoutIdentity() {
		this.client.post()
			.uri("/api/auth/login")
			.header("X-Caas-User", "admin")
			.bodyValue("{\"username\":\"student1\",\"password\":\"x\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/auth/login")
			.jsonPath("$.headers['x-caas-user']")
			.doesNotExist();
	}

	@Test
	void loginWithExpiredSessionCookieThenStillForwarded() {
		this.client.post()
			.uri("/api/auth/login")
			.cookie(COOKIE, TestTokens.expired("student1", "student"))
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void sessionCookieInsteadOfBearerThenAccepted() {
		this.client.get()
			.uri("/api/users/me")
			.cookie(COOKIE, TestTokens.valid("teacher1", "teacher"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers['x-caas-user'][0]")
			.isEqualTo("teacher1")
			.jsonPath("$.headers['x-caas-roles'][0]")
			.isEqualTo("teacher");
	}

	@Test
	void tamperedSessionCookieThenUnauthorizedProblem() {
		String token = TestTokens.tampered(TestTokens.valid("teacher1", "teacher"));
		assertProblem(this.client.get().uri("/api/users/me").cookie(COOKIE, token).exchange(), 401, "unauthorized");
	}

	@Test
	void postWithCookieButWithoutRequestedWithHeaderThenUnauthorizedProblem() {
		assertProblem(this.client.post()
			.uri("/api/classes/cs101/up")
			.cookie(COOKIE, TestTokens.valid("teacher1", "teacher"))
			.exchange(), 401, "unauthorized");
	}

	@Test
	void postWithCookieAndRequestedWithHeaderThenForwarded() {
		this.client.post()
			.uri("/api/classes/cs101/up")
			.cookie(COOKIE, TestTokens.valid("teacher1", "teacher"))
			.header("X-Requested-With", "caas-ui")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/classes/cs101/up")
			.jsonPath("$.headers['x-caas-user'][0]")
			.isEqualTo("teacher1");
	}

	@Test
	void bearerTokenWinsOverSessionCookie() {
		this.client.get()
			.uri("/api/users/me")
			.headers(h -> h.setBearerAuth(TestTokens.valid("student2", "student")))
			.cookie(COOKIE, TestTokens.valid("teacher1", "teacher"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers['x-caas-user'][0]")
			.isEqualTo("student2");
	}

	private void assertUnauthorized(String bearerToken) {
		assertProblem(this.client.get().uri("/api/users/me").headers(h -> h.setBearerAuth(bearerToken)).exchange(), 401,
				"unauthorized");
	}

}
