package io.caas.gateway.security;

import io.caas.common.error.Problems;
import io.caas.gateway.error.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A session whose account still has its initial (or an admin-reset) password may only
 * change it: {@code PUT /api/users/me/password}, {@code GET /api/users/me}, and the
 * public auth endpoints (logout, refresh), which carry no identity. Every other API call
 * gets a 403 problem {@value #CODE}. Enforced here, once, from the token's
 * {@value #CLAIM} claim, so no service can forget it; the IDE hand-off refuses such a
 * session too ({@code IdeOpenController}, and auth-service's transfer).
 */
@Component
public class PasswordChangeGate implements GlobalFilter, Ordered {

	static final String CLAIM = "pwd_change";

	static final String CODE = "password-change-required";

	private final ProblemWriter writer;

	PasswordChangeGate(ProblemWriter writer) {
		this.writer = writer;
	}

	/** Whether the token belongs to a session that must change its password first. */
	public static boolean pending(Jwt jwt) {
		return Boolean.TRUE.equals(jwt.getClaimAsBoolean(CLAIM));
	}

	static boolean allowedWhilePending(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		HttpMethod method = request.getMethod();
		return (method == HttpMethod.PUT && path.equals("/api/users/me/password"))
				|| (method == HttpMethod.GET && path.equals("/api/users/me"));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(principal -> pending(((JwtAuthenticationToken) principal).getToken())
					&& !allowedWhilePending(exchange.getRequest()))
			.defaultIfEmpty(false)
			.flatMap(refuse -> refuse ? this.writer.write(exchange.getResponse(), problem()) : chain.filter(exchange));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, CODE,
				"Change your password first (PUT /api/users/me/password), then sign in again");
		problem.setTitle("Password change required");
		return problem;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
