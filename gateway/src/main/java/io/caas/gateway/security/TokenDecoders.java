package io.caas.gateway.security;

import java.util.List;

import io.caas.gateway.GatewayProperties;
import io.caas.gateway.session.InternalClients;
import io.caas.gateway.session.SessionLiveness;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Decoders for the two kinds of tokens auth-service signs, told apart by audience: API
 * access tokens ({@value #API_AUDIENCE}) and per-IDE-host tokens
 * ({@value #IDE_AUDIENCE}).
 */
public final class TokenDecoders {

	public static final String API_AUDIENCE = "caas-api";

	public static final String IDE_AUDIENCE = "caas-ide";

	private TokenDecoders() {
	}

	/**
	 * RS256 by a key from the JWKS, {@code exp}/{@code nbf}, the issuer, a subject, a
	 * session id and the audience. Key fetch failures surface as IllegalStateException;
	 * as a plain JwtException they become a 503 (auth unavailable), not a blamed caller.
	 */
	public static ReactiveJwtDecoder verifying(GatewayProperties properties, String audience) {
		// The keys are fetched with the gateway's internal client (connect 2 s, response
		// 5 s,
		// its own pool): the default client has no timeout, and a browser waits on it.
		String jwks = properties.effectiveJwksUri().toString();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwks)
			.webClient(InternalClients.to(jwks))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		OAuth2TokenValidator<Jwt> hasSubject = new JwtClaimValidator<String>(JwtClaimNames.SUB,
				sub -> sub != null && !sub.isBlank());
		OAuth2TokenValidator<Jwt> hasAudience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				aud -> aud != null && aud.contains(audience));
		OAuth2TokenValidator<Jwt> hasSession = new JwtClaimValidator<String>("sid",
				sid -> sid != null && !sid.isBlank());
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List
			.of(JwtValidators.createDefaultWithIssuer(properties.issuer()), hasSubject, hasAudience, hasSession)));
		return token -> decoder.decode(token)
			.onErrorMap(error -> !(error instanceof JwtException),
					error -> new JwtException("Token signing keys are unavailable", error));
	}

	/** The token, if its session still lives; a 401-mapped error if it ended. */
	public static Mono<Jwt> requireLiveSession(Jwt jwt, SessionLiveness liveness) {
		return liveness.alive(jwt.getClaimAsString("sid"))
			.onErrorMap(error -> new JwtException("Sessions cannot be checked right now", error))
			.flatMap(alive -> alive ? Mono.just(jwt) : Mono.error(new BadJwtException("The session has ended")));
	}

}
