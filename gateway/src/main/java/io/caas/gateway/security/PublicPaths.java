package io.caas.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * What anyone may reach without a token. The same matcher also switches token reading
 * off, so a stale cookie can never block the login that would replace it. The two IDE
 * endpoints check credentials themselves: they answer browsers with redirects and pages,
 * not 401 problems, and forward-auth must never read a student's own
 * {@code Authorization} header.
 */
final class PublicPaths {

	static final ServerWebExchangeMatcher MATCHER = new OrServerWebExchangeMatcher(
			path(HttpMethod.POST, "/api/auth/login"), path(HttpMethod.POST, "/api/auth/refresh"),
			path(HttpMethod.POST, "/api/auth/logout"), path(HttpMethod.GET, "/api/auth/jwks"),
			path(HttpMethod.GET, "/.well-known/jwks.json"), path(null, "/actuator/health/**"), path(null, "/"),
			path(null, "/index.html"), path(null, "/assets/**"), path(null, "/favicon.ico"),
			path(HttpMethod.GET, "/forward-auth"), path(HttpMethod.GET, "/ide/open"));

	/**
	 * Never routed: let it fall through to the 404 instead of asking for a token first,
	 * which would hint that something lives there.
	 */
	static final ServerWebExchangeMatcher NEVER_ROUTED = path(null, "/internal/**");

	private PublicPaths() {
	}

	private static ServerWebExchangeMatcher path(HttpMethod method, String pattern) {
		return (method != null) ? new PathPatternParserServerWebExchangeMatcher(pattern, method)
				: new PathPatternParserServerWebExchangeMatcher(pattern);
	}

}
