package io.caas.gateway.error;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayErrorsTest {

	@Test
	void noHandlerThenNotFoundNamingTheRequest() {
		ProblemDetail problem = GatewayErrors.toProblem(new ResponseStatusException(HttpStatus.NOT_FOUND), "GET",
				"/internal/x");

		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getProperties()).containsEntry("code", "not-found");
		assertThat(problem.getDetail()).isEqualTo("No route for GET /internal/x");
	}

	@Test
	void refusedConnectionAnywhereInTheCauseChainThenBadGateway() {
		Exception error = new IllegalStateException("wrapped", new ConnectException("Connection refused"));

		ProblemDetail problem = GatewayErrors.toProblem(error, "GET", "/api/classes");

		assertThat(problem.getStatus()).isEqualTo(502);
		assertThat(problem.getProperties()).containsEntry("code", "upstream-unavailable");
	}

	@Test
	void gatewayTimeoutThenUpstreamTimeout() {
		Exception error = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "slow",
				new TimeoutException("Response took longer than timeout"));

		ProblemDetail problem = GatewayErrors.toProblem(error, "GET", "/api/classes");

		assertThat(problem.getStatus()).isEqualTo(504);
		assertThat(problem.getProperties()).containsEntry("code", "upstream-timeout");
	}

	@Test
	void caasExceptionKeepsItsStatusAndCode() {
		ProblemDetail problem = GatewayErrors.toProblem(CaasException.forbidden("no"), "GET", "/forward-auth");

		assertThat(problem.getStatus()).isEqualTo(403);
		assertThat(problem.getProperties()).containsEntry("code", "forbidden");
	}

	@Test
	void unverifiableTokensThenServiceUnavailableEvenIfTheCauseIsARefusedConnection() {
		Exception error = new AuthenticationServiceException("jwks", new ConnectException("refused"));

		ProblemDetail problem = GatewayErrors.toProblem(error, "GET", "/api/users/me");

		assertThat(problem.getStatus()).isEqualTo(503);
		assertThat(problem.getProperties()).containsEntry("code", "auth-unavailable");
	}

	@Test
	void otherStatusesGetAGenericCode() {
		ProblemDetail problem = GatewayErrors.toProblem(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED),
				"DELETE", "/");

		assertThat(problem.getStatus()).isEqualTo(405);
		assertThat(problem.getProperties()).containsEntry("code", "http-405");
	}

	@Test
	void anythingElseThenInternalWithoutDetailsLeaking() {
		ProblemDetail problem = GatewayErrors.toProblem(new NullPointerException("secret internals"), "GET", "/");

		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getDetail()).doesNotContain("secret");
	}

}
