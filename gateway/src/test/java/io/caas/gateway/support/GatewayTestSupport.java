package io.caas.gateway.support;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Boots the real gateway on a random port against {@link Peers}. All subclasses share one
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DownServiceRoute.class)
public abstract class GatewayTestSupport {

	/** Routed to a port where nothing listens, like a service that has not started. */
	protected static final String DOWN_PATH = "/api/down/anything";

	protected static final String COOKIE = "caas_session";

	protected static final String DOMAIN = "caas.test";

	/** The readiness probes' shared secret this gateway is given. */
	protected static final String PROBE_TOKEN = "gateway-test-probe-token-1";

	@LocalServerPort
	int port;

	protected WebTestClient client;

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("caas.gateway.auth-uri", Peers::baseUrl);
		registry.add("caas.gateway.user-uri", Peers::baseUrl);
		registry.add("caas.gateway.class-uri", Peers::baseUrl);
		registry.add("caas.gateway.domain-suffix", () -> DOMAIN);
		registry.add("caas.gateway.probe-token", () -> PROBE_TOKEN);
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	/** Asserts an RFC 9457 body with the given status and CaaS {@code code}. */
	protected static void assertProblem(WebTestClient.ResponseSpec response, int status, String code) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status)
			.jsonPath("$.code")
			.isEqualTo(code)
			.jsonPath("$.type")
			.isEqualTo("https://caas.dev/problems/" + code);
	}

}
