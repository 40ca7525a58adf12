package io.caas.gateway;

import java.time.Duration;
import java.util.List;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.Peers;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutingTest extends GatewayTestSupport {

	@Test
	void validTokenThenForwardedWithIdentityAndNotTheClientsOwn() {
		this.client.get()
			.uri("/api/users/me")
			.headers(h -> h.setBearerAuth(TestTokens.valid("student1", "student", "Teacher", "wizard")))
			.header("X-Caas-User", "admin")
			.header("x-caas-roles", "admin")
			.header("X-CAAS-Impersonate", "admin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/users/me")
			.jsonPath("$.headers['x-caas-user']")
			.isEqualTo(List.of("student1"))
			.jsonPath("$.headers['x-caas-roles']")
			.isEqualTo(List.of("student,teacher"))
			.jsonPath("$.headers['x-caas-impersonate']")
			.doesNotExist();
	}

	@Test
	void eachServicePrefixReachesItsService() {
		String token = TestTokens.valid("teacher1", "teacher");
		for (String path : List.of("/api/classes/cs101", "/api/operations/op9", "/api/templates", "/api/subjects",
				"/api/subjects/cs")) {
			this.client.get()
				.uri(path)
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.path")
				.isEqualTo(path);
		}
	}

	@Test
	void internalPathWithoutTokenThenNotFoundProblem() {
		assertProblem(this.client.get().uri("/internal/x").exchange(), 404, "not-found");
	}

	@Test
	void internalPathWithValidTokenThenStillNotFoundProblem() {
		assertProblem(this.client.post()
			.uri("/internal/users/verify")
			.headers(h -> h.setBearerAuth(TestTokens.valid("admin", "admin")))
			.exchange(), 404, "not-found");
	}

	@Test
	void unroutedApiPathWithValidTokenThenNotFoundProblem() {
		assertProblem(this.client.get()
			.uri("/api/nothing-here")
			.headers(h -> h.setBearerAuth(TestTokens.valid("admin", "admin")))
			.exchange(), 404, "not-found");
	}

	@Test
	void downstreamServiceDownThenBadGatewayProblem() {
		assertProblem(this.client.get()
			.uri(DOWN_PATH)
			.headers(h -> h.setBearerAuth(TestTokens.valid("admin", "admin")))
			.exchange(), 502, "upstream-unavailable");
	}

	@Test
	void wellKnownJwksIsPublicAndServedByAuthService() {
		this.client.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.keys[0].kid")
			.isEqualTo("test-key")
			.jsonPath("$.keys[0].d")
			.doesNotExist();
	}

	@Test
	void healthIsPublic() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void serverSentEventsStreamThroughBeforeTheOperationEnds() {
		Flux<ServerSentEvent<String>> events = this.client.get()
			.uri(Peers.SLOW_EVENTS)
			.cookie(COOKIE, TestTokens.valid("teacher1", "teacher"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody();
		long started = System.nanoTime();
		ServerSentEvent<String> first = events.blockFirst(Duration.ofSeconds(10));
		Duration waited = Duration.ofNanos(System.nanoTime() - started);
		assertThat(first).isNotNull();
		assertThat(first.data()).contains("running");
		assertThat(waited).isLessThan(Peers.PAUSE);
	}

}
