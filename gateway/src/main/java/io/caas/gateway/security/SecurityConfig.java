package io.caas.gateway.security;

import io.caas.gateway.GatewayProperties;
import io.caas.gateway.error.ProblemWriter;
import io.caas.gateway.session.SessionLiveness;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.CsrfSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.FormLoginSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.HttpBasicSpec;
import org.springframework.security.config.web.server.ServerHttpSecurity.LogoutSpec;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * A stateless resource server: every request stands on its own access token, checked
 * against auth-service's published keys.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewayProperties properties,
			ReactiveJwtDecoder decoder, ProblemWriter writer) {
		ProblemSecurityResponses problems = new ProblemSecurityResponses(writer);
		return http.csrf(CsrfSpec::disable)
			.httpBasic(HttpBasicSpec::disable)
			.formLogin(FormLoginSpec::disable)
			.logout(LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(exchanges -> exchanges.matchers(PublicPaths.MATCHER)
				.permitAll()
				.matchers(PublicPaths.NEVER_ROUTED)
				.permitAll()
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer(
					server -> server.bearerTokenConverter(new SessionTokenConverter(properties.sessionCookie()))
						.jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(rolesAsAuthorities()))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.build();
	}

	/**
	 * API access tokens: signature by a published key, issuer, a subject, the API
	 * audience (an IDE cookie's token is refused here), and a session that still lives.
	 */
	@Bean
	ReactiveJwtDecoder accessTokenDecoder(GatewayProperties properties, SessionLiveness liveness) {
		ReactiveJwtDecoder decoder = TokenDecoders.verifying(properties, TokenDecoders.API_AUDIENCE);
		return token -> decoder.decode(token).flatMap(jwt -> TokenDecoders.requireLiveSession(jwt, liveness));
	}

	/** {@code roles: ["teacher"]} becomes {@code ROLE_teacher}, for {@code hasRole}. */
	private static ReactiveJwtAuthenticationConverterAdapter rolesAsAuthorities() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

}
