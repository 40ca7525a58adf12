package io.caas.gateway.security;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the access token: the {@code Authorization: Bearer} header first, else the
 * session cookie that auth-service sets at login (what browsers, EventSource and
 * Traefik's forward-auth can send).
 * <p>
 * A cookie rides along on cross-site requests too, so for anything but a safe method the
 * cookie only counts together with {@value #CSRF_HEADER}: a page on another origin cannot
 * add that header without a CORS preflight, which the gateway never grants.
 */
class SessionTokenConverter implements ServerAuthenticationConverter {

	static final String CSRF_HEADER = "X-Requested-With";

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();

	private final String cookieName;

	SessionTokenConverter(String cookieName) {
		this.cookieName = cookieName;
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return PublicPaths.MATCHER.matches(exchange)
			.filter(match -> !match.isMatch())
			.flatMap(notPublic -> this.bearer.convert(exchange).switchIfEmpty(fromCookie(exchange.getRequest())));
	}

	private Mono<Authentication> fromCookie(ServerHttpRequest request) {
		return Mono.defer(() -> {
			HttpCookie cookie = request.getCookies().getFirst(this.cookieName);
			if (cookie == null || cookie.getValue().isBlank()) {
				return Mono.empty();
			}
			if (!SAFE.contains(request.getMethod()) && !hasCsrfHeader(request.getHeaders())) {
				return Mono.error(new CookieWithoutCsrfHeaderException(
						"A session cookie authenticates " + request.getMethod() + " only with header " + CSRF_HEADER));
			}
			return Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
		});
	}

	private static boolean hasCsrfHeader(HttpHeaders headers) {
		String value = headers.getFirst(CSRF_HEADER);
		return value != null && !value.isBlank();
	}

}
