package io.caas.gateway;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings. Route URIs in {@code application.yml} refer to the same
 * keys, so one env var moves both the route and what the gateway derives from it.
 *
 * @param authUri base URI of auth-service (login, refresh, JWKS)
 * ({@code CAAS_GATEWAY_AUTH_URI})
 * @param userUri base URI of user-service ({@code CAAS_GATEWAY_USER_URI})
 * @param classUri base URI of class-service ({@code CAAS_GATEWAY_CLASS_URI})
 * @param jwksUri where the access-token keys are published; blank means
 * {@code <authUri>/api/auth/jwks} ({@code CAAS_GATEWAY_JWKS_URI})
 * @param issuer the {@code iss} every access token must carry
 * ({@code CAAS_GATEWAY_ISSUER})
 * @param sessionCookie name of the cookie that carries the access token for browsers
 * ({@code CAAS_GATEWAY_SESSION_COOKIE})
 * @param domainSuffix the domain IDE hosts live under, e.g. {@code caas.localhost}
 * ({@code CAAS_GATEWAY_DOMAIN_SUFFIX})
 */
@Validated
@ConfigurationProperties("caas.gateway")
public record GatewayProperties(@NotNull URI authUri, @NotNull URI userUri, @NotNull URI classUri, URI jwksUri,
		@NotBlank String issuer, @NotBlank String sessionCookie, @NotBlank String domainSuffix) {

	/** The JWKS location actually used: the explicit one, else auth-service's. */
	public URI effectiveJwksUri() {
		if (this.jwksUri != null && !this.jwksUri.toString().isBlank()) {
			return this.jwksUri;
		}
		String base = this.authUri.toString().replaceAll("/+$", "");
		return URI.create(base + "/api/auth/jwks");
	}

}
