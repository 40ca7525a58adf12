package io.caas.gateway.forwardauth;

import java.time.Duration;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Traefik asks forward-auth over kept-alive connections, request after request. A check
 * without a cookie is answered at once (synchronously); reactor-netty 1.3.6 could stop
 * reading such a connection after that, and the next check on it hung until the client
 * gave up (reactor-netty#4361, fixed in 1.3.8). With 1.3.6 this loop hung about once
 * every 50 to 300 rounds.
 */
class ForwardAuthKeepAliveTest extends GatewayTestSupport {

	private static final String HOST = "cs101-student1-ide." + DOMAIN;

	private static final int ROUNDS = 200;

	@Test
	void everyCheckOnAKeptAliveConnectionIsAnsweredAfterAnImmediateRedirect() {
		WebTestClient checks = this.client.mutate().responseTimeout(Duration.ofSeconds(10)).build();
		for (int i = 0; i < ROUNDS; i++) {
			// answered once auth-service has said the (new) session lives: on another
			// thread
			check(checks).cookie("caas_ide", TestTokens.ide("student1", HOST, "keepalive-" + i))
				.exchange()
				.expectStatus()
				.isOk();
			// answered at once, possibly queued behind the previous one
			check(checks).exchange().expectStatus().isFound();
			// the request that used to hang
			check(checks).exchange().expectStatus().isFound();
		}
	}

	private static WebTestClient.RequestHeadersSpec<?> check(WebTestClient checks) {
		return checks.get()
			.uri("/forward-auth")
			.header("X-Forwarded-Host", HOST)
			.header("X-Forwarded-Uri", "/")
			.header("X-Forwarded-Method", "GET");
	}

}
