package io.caas.gateway.forwardauth;

import io.caas.gateway.GatewayProperties;
import io.caas.gateway.security.TokenDecoders;
import io.caas.gateway.session.SessionLiveness;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Checks the IDE cookie: a token signed by auth-service for the IDE audience, naming this
 * very host, whose session still lives. A token minted for one student's IDE opens no
 * other host, and an API token is no IDE token.
 */
@Component
class IdeCredentials {

	private final ReactiveJwtDecoder decoder;

	private final SessionLiveness liveness;

	IdeCredentials(GatewayProperties properties, SessionLiveness liveness) {
		this.decoder = TokenDecoders.verifying(properties, TokenDecoders.IDE_AUDIENCE);
		this.liveness = liveness;
	}

	/** The verified token; empty when invalid, for another host, or its session ended. */
	Mono<Jwt> verify(String token, String host) {
		if (token == null || token.isBlank()) {
			return Mono.empty();
		}
		return this.decoder.decode(token)
			.filter(jwt -> host.equals(jwt.getClaimAsString("host")))
			.flatMap(jwt -> TokenDecoders.requireLiveSession(jwt, this.liveness))
			.onErrorResume(org.springframework.security.oauth2.jwt.BadJwtException.class, ex -> Mono.empty());
	}

}
