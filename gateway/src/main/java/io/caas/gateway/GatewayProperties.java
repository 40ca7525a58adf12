package io.caas.gateway;

import java.net.URI;
import java.time.Duration;

import io.caas.common.identity.ProbeCredential;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings. Route URIs in {@code application.yml} refer to the same
 * keys, so one env var moves both the route and what the gateway derives from it.
 *
 * @param authUri base URI of auth-service (login, refresh, JWKS, sessions)
 * ({@code CAAS_GATEWAY_AUTH_URI})
 * @param userUri base URI of user-service ({@code CAAS_GATEWAY_USER_URI})
 * @param classUri base URI of class-service, also asked who teaches a class
 * ({@code CAAS_GATEWAY_CLASS_URI})
 * @param jwksUri where the token keys are published; blank means
 * {@code <authUri>/api/auth/jwks} ({@code CAAS_GATEWAY_JWKS_URI})
 * @param issuer the {@code iss} every token must carry ({@code CAAS_GATEWAY_ISSUER})
 * @param sessionCookie name of the app-host cookie that carries the access token for
 * browsers ({@code CAAS_GATEWAY_SESSION_COOKIE})
 * @param domainSuffix the domain IDE hosts live under, e.g. {@code caas.localhost}
 * ({@code CAAS_GATEWAY_DOMAIN_SUFFIX})
 * @param publicScheme the scheme browsers use ({@code http}, or {@code https} behind a
 * TLS tunnel); IDE cookies are {@code Secure} on https
 * ({@code CAAS_GATEWAY_PUBLIC_SCHEME})
 * @param ideCookie name of the per-IDE-host cookie ({@code CAAS_GATEWAY_IDE_COOKIE})
 * @param sessionCacheTtl how long "this session is alive" is believed without asking
 * auth-service again ({@code CAAS_GATEWAY_SESSION_CACHE_TTL})
 * @param teacherCacheTtl how long "X teaches class Y" is believed
 * ({@code CAAS_GATEWAY_TEACHER_CACHE_TTL})
 * @param maxBodySize largest request body the gateway forwards
 * ({@code CAAS_GATEWAY_MAX_BODY_SIZE})
 * @param probeToken the readiness probes' shared secret ({@code PROBE_TOKEN}):
 * forward-auth lets {@code GET /healthz} on an IDE host through without a sign-in only
 * when it comes with this token; blank lets no probe through
 * ({@code CAAS_GATEWAY_PROBE_TOKEN})
 */
@Validated
@ConfigurationProperties("caas.gateway")
public record GatewayProperties(@NotNull URI authUri, @NotNull URI userUri, @NotNull URI classUri, URI jwksUri,
		@NotBlank String issuer, @NotBlank String sessionCookie, @NotBlank String domainSuffix,
		@DefaultValue("http") @Pattern(regexp = "https?") String publicScheme,
		@DefaultValue("caas_ide") @NotBlank String ideCookie, @DefaultValue("2s") @NotNull Duration sessionCacheTtl,
		@DefaultValue("30s") @NotNull Duration teacherCacheTtl, @DefaultValue("1MB") @NotNull DataSize maxBodySize,
		@DefaultValue("") @Pattern(regexp = ProbeCredential.SETTING_REGEX) String probeToken) {

	/** The JWKS location actually used: the explicit one, else auth-service's. */
	public URI effectiveJwksUri() {
		if (this.jwksUri != null && !this.jwksUri.toString().isBlank()) {
			return this.jwksUri;
		}
		String base = this.authUri.toString().replaceAll("/+$", "");
		return URI.create(base + "/api/auth/jwks");
	}

	public boolean secureCookies() {
		return "https".equals(this.publicScheme);
	}

}
