package io.caas.gateway.session;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jwt.JWTParser;
import io.caas.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * After a request that ends sessions (logout, password change, an admin's {@code DELETE
 * /api/sessions/{sid}}) went through, forgets that session from the liveness cache, so
 * the very next request with the same token is refused. Reading {@code sid} without
 * verifying is fine here: forgetting a cache entry grants nothing.
 */
@Component
class SessionEndRelayFilter implements WebFilter {

	private static final String ADMIN_END_PREFIX = "/api/sessions/";

	private static final List<String> ENDING_PATHS = List.of("/api/auth/logout", "/api/users/me/password");

	private final SessionLiveness liveness;

	private final String cookieName;

	SessionEndRelayFilter(SessionLiveness liveness, GatewayProperties properties) {
		this.liveness = liveness;
		this.cookieName = properties.sessionCookie();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (request.getMethod() == HttpMethod.DELETE && path.startsWith(ADMIN_END_PREFIX)) {
			// An admin ends someone's session: forget that one once the DELETE went
			// through.
			String ended = path.substring(ADMIN_END_PREFIX.length());
			return chain.filter(exchange).doFinally(signal -> this.liveness.forget(ended));
		}
		if (request.getMethod() == HttpMethod.GET
				|| !ENDING_PATHS.contains(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		Optional<String> sid = sidOf(bearer(request)).or(() -> sidOf(cookie(request)));
		// Before and after: a request of the same session running meanwhile may have
		// cached "alive" again.
		sid.ifPresent(this.liveness::forget);
		return chain.filter(exchange).doFinally(signal -> sid.ifPresent(this.liveness::forget));
	}

	private String cookie(ServerHttpRequest request) {
		HttpCookie cookie = request.getCookies().getFirst(this.cookieName);
		return (cookie != null) ? cookie.getValue() : null;
	}

	private static String bearer(ServerHttpRequest request) {
		String value = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) ? value.substring(7).strip() : null;
	}

	private static Optional<String> sidOf(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet().getStringClaim("sid"));
		}
		catch (ParseException ex) {
			return Optional.empty();
		}
	}

}
