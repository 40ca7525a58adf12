package io.caas.gateway.error;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.caas.common.error.CaasException;
import io.caas.common.error.Problems;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Decides which problem the gateway answers for a failure of its own: no route, a
 * downstream service that cannot be reached or is too slow, or a bug.
 */
final class GatewayErrors {

	private GatewayErrors() {
	}

	static ProblemDetail toProblem(Throwable error, String method, String path) {
		if (error instanceof CaasException caas) {
			return Problems.of(caas);
		}
		if (error instanceof AuthenticationServiceException
				|| error instanceof org.springframework.security.oauth2.jwt.JwtException) {
			// Tokens or sessions cannot be checked (JWKS or auth-service unreachable):
			// not
			// the caller's fault. Invalid tokens never get here: they are 401s or
			// redirects.
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable",
					"Access tokens cannot be verified right now");
		}
		if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)
				|| causedBy(error, PrematureCloseException.class)) {
			return Problems.of(HttpStatus.BAD_GATEWAY, "upstream-unavailable",
					"The service behind " + path + " cannot be reached");
		}
		if (causedBy(error, TimeoutException.class)
				|| causedBy(error, io.netty.handler.timeout.TimeoutException.class)) {
			return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout",
					"The service behind " + path + " did not answer in time");
		}
		if (error instanceof ResponseStatusException rse) {
			return fromStatus(rse.getStatusCode(), method, path);
		}
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred");
	}

	private static ProblemDetail fromStatus(HttpStatusCode status, String method, String path) {
		return switch (status.value()) {
			case 404 -> Problems.of(status, "not-found", "No route for " + method + " " + path);
			case 502 -> Problems.of(status, "upstream-unavailable", "The service behind " + path + " failed");
			case 504 ->
				Problems.of(status, "upstream-timeout", "The service behind " + path + " did not answer in time");
			default -> Problems.of(status, "http-" + status.value(), reasonOf(status));
		};
	}

	private static String reasonOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		for (Throwable t = error; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
