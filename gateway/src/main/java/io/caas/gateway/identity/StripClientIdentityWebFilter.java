package io.caas.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs before anything else, security included, so no handler of the gateway (routes,
 * forward-auth, static files) ever sees an identity header a client made up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StripClientIdentityWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!ClientIdentityHeaders.anyReserved(exchange.getRequest().getHeaders())) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(r -> r.headers(ClientIdentityHeaders::strip)).build());
	}

}
