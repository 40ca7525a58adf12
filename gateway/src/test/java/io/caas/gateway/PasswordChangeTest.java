package io.caas.gateway;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.Peers;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session that must change its password reaches only the password change, its own
 * profile and the public auth endpoints; an admin ending a session is seen by the very
 * next request through this gateway.
 */
class PasswordChangeTest extends GatewayTestSupport {

	private final String pending = TestTokens.passwordChangePending("sch-pending-1", "sch1", "student");

	@Test
	void pendingSessionIsRefusedEverythingElseWithPasswordChangeRequired() {
		assertProblem(this.client.get().uri("/api/classes").headers(h -> h.setBearerAuth(this.pending)).exchange(), 403,
				"password-change-required");
		assertProblem(this.client.get().uri("/api/users/sch2").headers(h -> h.setBearerAuth(this.pending)).exchange(),
				403, "password-change-required");
		assertProblem(this.client.post()
			.uri("/api/users/me/password")
			.headers(h -> h.setBearerAuth(this.pending))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), 403, "password-change-required");
		assertProblem(this.client.get().uri("/api/templates").cookie(COOKIE, this.pending).exchange(), 403,
				"password-change-required");
	}

	@Test
	void pendingSessionMayReadItsProfileAndChangeItsPassword() {
		this.client.get()
			.uri("/api/users/me")
			.headers(h -> h.setBearerAuth(this.pending))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers['x-caas-user'][0]")
			.isEqualTo("sch1");
		this.client.put()
			.uri("/api/users/me/password")
			.cookie(COOKIE, this.pending)
			.header("X-Requested-With", "caas-ui")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/users/me/password");
	}

	@Test
	void pendingSessionMayLogOut() {
		this.client.post()
			.uri("/api/auth/logout")
			.headers(h -> h.setBearerAuth(this.pending))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/auth/logout");
	}

	@Test
	void sessionWithoutThePendingClaimIsNotHeldBack() {
		this.client.get()
			.uri("/api/classes")
			.headers(h -> h.setBearerAuth(TestTokens.ofSession("sch-live-2", "sch1", "student")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void pendingSessionOpeningAnIdeIsSentToTheUiFirst() {
		String location = this.client.get()
			.uri(uri -> uri.path("/ide/open").queryParam("host", "sch1-sch1-ide." + DOMAIN).build())
			.cookie(COOKIE, this.pending)
			.exchange()
			.expectStatus()
			.isFound()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);
		assertThat(location).startsWith("/?next=/ide/open");
	}

	@Test
	void sessionsAreRoutedToAuthServiceForAdmins() {
		this.client.get()
			.uri("/api/sessions?username=sch1")
			.headers(h -> h.setBearerAuth(TestTokens.valid("admin", "admin")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/sessions")
			.jsonPath("$.headers['x-caas-roles'][0]")
			.isEqualTo("admin");
	}

	@Test
	void adminOverviewIsRoutedToClassService() {
		this.client.get()
			.uri("/api/admin/overview")
			.headers(h -> h.setBearerAuth(TestTokens.valid("admin", "admin")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/admin/overview");
	}

	@Test
	void sessionAnAdminEndedIsRefusedOnTheVeryNextRequest() {
		String victim = TestTokens.ofSession("sch-victim-3", "sch3", "student");
		this.client.get().uri("/api/classes").headers(h -> h.setBearerAuth(victim)).exchange().expectStatus().isOk();
		Peers.end("sch-victim-3");
		this.client.delete()
			.uri("/api/sessions/sch-victim-3")
			.headers(h -> h.setBearerAuth(TestTokens.valid("admin", "admin")))
			.exchange()
			.expectStatus()
			.isOk();
		assertProblem(this.client.get().uri("/api/classes").headers(h -> h.setBearerAuth(victim)).exchange(), 401,
				"unauthorized");
	}

}
