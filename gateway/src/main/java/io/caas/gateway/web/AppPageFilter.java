package io.caas.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the web app's {@code index.html} for its client-side routes
 * ({@link ClientRoutes}), before security, so the page loads signed out too (the app then
 * asks who is signed in). The shell is never cached (a new bundle is seen at once); the
 * hashed bundle files are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AppPageFilter implements WebFilter {

	static final String SHELL_CACHE = "no-cache";

	static final String ASSET_CACHE = "public, max-age=31536000, immutable";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (ClientRoutes.isAppPage(request.getMethod(), path, request.getHeaders().getAccept())) {
			ServerWebExchange shell = exchange.mutate().request((r) -> r.path("/index.html")).build();
			cache(shell, SHELL_CACHE);
			return chain.filter(shell);
		}
		if ("/".equals(path) || "/index.html".equals(path)) {
			cache(exchange, SHELL_CACHE);
		}
		else if (path.startsWith("/assets/")) {
			cache(exchange, ASSET_CACHE);
		}
		return chain.filter(exchange);
	}

	private static void cache(ServerWebExchange exchange, String value) {
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			HttpStatusCode status = response.getStatusCode();
			if (status == null || status.is2xxSuccessful() || status.value() == 304) {
				response.getHeaders().setCacheControl(value);
			}
			return Mono.empty();
		});
	}

}
