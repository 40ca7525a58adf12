package io.caas.gateway.security;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.Peers;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** When keys cannot be fetched, callers hear that the gateway is at fault, not them. */
class JwksUnavailableTest extends GatewayTestSupport {

	@DynamicPropertySource
	static void deadJwks(DynamicPropertyRegistry registry) {
		registry.add("caas.gateway.jwks-uri", () -> Peers.deadUrl() + "/api/auth/jwks");
	}

	@Test
	void validLookingTokenWhileJwksIsDownThenServiceUnavailableProblem() {
		assertProblem(this.client.get()
			.uri("/api/users/me")
			.headers(h -> h.setBearerAuth(TestTokens.valid("student1", "student")))
			.exchange(), 503, "auth-unavailable");
	}

	@Test
	void publicPathsStillWorkWhileJwksIsDown() {
		this.client.post().uri("/api/auth/login").bodyValue("{}").exchange().expectStatus().isOk();
	}

}
