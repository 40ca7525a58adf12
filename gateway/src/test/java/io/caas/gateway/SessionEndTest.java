package io.caas.gateway;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The API refuses tokens whose session ended and tokens of the wrong audience, whatever
 * their signature and expiry say.
 */
class SessionEndTest extends GatewayTestSupport {

	@Test
	void accessTokenOfALiveSessionIsAccepted() {
		this.client.get()
			.uri("/api/users/me")
			.headers(h -> h.setBearerAuth(TestTokens.ofSession("live-1", "student1", "student")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void accessTokenOfAnEndedSessionIsUnauthorizedAsBearerAndAsCookie() {
		String token = TestTokens.ofSession("ended-2", "student1", "student");
		assertProblem(this.client.get().uri("/api/users/me").headers(h -> h.setBearerAuth(token)).exchange(), 401,
				"unauthorized");
		assertProblem(this.client.get().uri("/api/users/me").cookie(COOKIE, token).exchange(), 401, "unauthorized");
	}

	@Test
	void ideTokenIsUnauthorizedOnTheApi() {
		String ide = TestTokens.ide("admin", "cs101-student1-ide." + DOMAIN, "live-3");
		assertProblem(this.client.get().uri("/api/users/me").headers(h -> h.setBearerAuth(ide)).exchange(), 401,
				"unauthorized");
		assertProblem(this.client.get().uri("/api/users/me").cookie(COOKIE, ide).exchange(), 401, "unauthorized");
	}

}
