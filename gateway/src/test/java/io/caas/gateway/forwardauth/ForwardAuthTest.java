package io.caas.gateway.forwardauth;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

class ForwardAuthTest extends GatewayTestSupport {

	private static final String STUDENT1_IDE = "cs101-student1-ide." + DOMAIN;

	@Test
	void studentOpeningOwnIdeThenAllowedAndNamed() {
		this.client.get()
			.uri("/forward-auth")
			.header("X-Forwarded-Host", STUDENT1_IDE)
			.cookie(COOKIE, TestTokens.valid("student1", "student"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Caas-User", "student1");
	}

	@Test
	void studentOpeningAnotherStudentsIdeThenForbiddenProblem() {
		assertProblem(this.client.get()
			.uri("/forward-auth")
			.header("X-Forwarded-Host", STUDENT1_IDE)
			.cookie(COOKIE, TestTokens.valid("student2", "student"))
			.exchange(), 403, "forbidden");
	}

	@Test
	void noTokenThenUnauthorizedProblem() {
		assertProblem(this.client.get().uri("/forward-auth").header("X-Forwarded-Host", STUDENT1_IDE).exchange(), 401,
				"unauthorized");
	}

	@Test
	void teacherThenAllowed() {
		this.client.get()
			.uri("/forward-auth")
			.header("X-Forwarded-Host", STUDENT1_IDE)
			.cookie(COOKIE, TestTokens.valid("teacher1", "teacher"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Caas-User", "teacher1");
	}

	@Test
	void hostThatIsNoIdeHostThenForbiddenProblem() {
		assertProblem(this.client.get()
			.uri("/forward-auth")
			.header("X-Forwarded-Host", "app." + DOMAIN)
			.cookie(COOKIE, TestTokens.valid("student1", "student"))
			.exchange(), 403, "not-an-ide-host");
	}

	@Test
	void spoofedIdentityHeaderDoesNotLetAStudentIn() {
		assertProblem(this.client.get()
			.uri("/forward-auth")
			.header("X-Forwarded-Host", STUDENT1_IDE)
			.header("X-Caas-User", "student1")
			.header("X-Caas-Roles", "admin")
			.cookie(COOKIE, TestTokens.valid("student2", "student"))
			.exchange(), 403, "forbidden");
	}

}
