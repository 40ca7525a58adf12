package io.caas.gateway.identity;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells downstream services who is calling. Strips again rather than trusting the web
 * filter's order, then adds the identity of a verified token; anonymous requests (public
 * paths) go on with no identity header at all.
 */
@Component
class IdentityRelayFilter implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map(principal -> Callers.fromJwt(((JwtAuthenticationToken) principal).getToken()))
			.map(who -> exchange.mutate().request(r -> r.headers(h -> ClientIdentityHeaders.assign(h, who))).build())
			.switchIfEmpty(Mono
				.fromSupplier(() -> exchange.mutate().request(r -> r.headers(ClientIdentityHeaders::strip)).build()))
			.flatMap(chain::filter);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
