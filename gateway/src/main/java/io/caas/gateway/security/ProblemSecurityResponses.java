package io.caas.gateway.security;

import io.caas.common.error.Problems;
import io.caas.gateway.error.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 401 and 403 as problem+json, so API clients and the web UI get the same shape
 * as every other error instead of an empty body with only {@code WWW-Authenticate}.
 */
class ProblemSecurityResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final ProblemWriter writer;

	ProblemSecurityResponses(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		String detail = detailFor(ex);
		String bearer = (ex instanceof InvalidBearerTokenException)
				? "Bearer error=\"invalid_token\", error_description=\"" + detail + "\"" : "Bearer";
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, bearer);
		return this.writer.write(exchange.getResponse(), Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", detail));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.writer.write(exchange.getResponse(),
				Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You may not access this resource"));
	}

	/** Says what is wrong without echoing token contents or validator internals. */
	static String detailFor(AuthenticationException ex) {
		if (ex instanceof CookieWithoutCsrfHeaderException) {
			return ex.getMessage();
		}
		if (ex instanceof OAuth2AuthenticationException) {
			return "The access token is invalid or expired";
		}
		return "Authentication required";
	}

}
