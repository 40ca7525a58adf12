package io.caas.gateway.forwardauth;

import java.util.Map;

import io.caas.gateway.GatewayProperties;
import io.caas.gateway.session.InternalClients;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * auth-service's one-time transfer tokens: made on the app host for one IDE host and
 * path, traded on that IDE host for the IDE token.
 */
@Component
class AuthTransfers {

	private final WebClient authService;

	AuthTransfers(GatewayProperties properties) {
		this.authService = InternalClients.to(properties.authUri().toString());
	}

	/** A transfer token; empty if the session ended meanwhile. */
	Mono<String> create(String sid, String host, String path) {
		return this.authService.post()
			.uri("/internal/ide-transfers")
			.bodyValue(Map.of("sid", sid, "host", host, "path", path))
			.retrieve()
			.bodyToMono(TransferToken.class)
			.map(TransferToken::token)
			.onErrorResume(WebClientResponseException.Unauthorized.class, ex -> Mono.empty());
	}

	/** The IDE token and where to go; empty for an unknown, used or foreign token. */
	Mono<IdeToken> redeem(String token, String host) {
		return this.authService.post()
			.uri("/internal/ide-transfers/redeem")
			.bodyValue(Map.of("token", token, "host", host))
			.retrieve()
			.bodyToMono(IdeToken.class)
			.onErrorResume(WebClientResponseException.class,
					ex -> ex.getStatusCode().is4xxClientError() ? Mono.empty() : Mono.error(ex));
	}

	record TransferToken(String token) {
	}

	record IdeToken(String ideToken, String path, long expiresIn) {
	}

}
