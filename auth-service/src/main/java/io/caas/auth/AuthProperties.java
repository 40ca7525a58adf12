package io.caas.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How auth-service issues tokens and sessions.
 *
 * @param userServiceUrl base URL of user-service, which checks passwords
 * ({@code CAAS_AUTH_USER_SERVICE_URL})
 * @param accessTokenTtl lifetime of an access token ({@code CAAS_AUTH_ACCESS_TOKEN_TTL})
 * @param refreshTokenTtl lifetime of a refresh token and of an idle session; each refresh
 * starts it again ({@code CAAS_AUTH_REFRESH_TOKEN_TTL})
 * @param keyDir folder holding {@code signing-key.pem}; a key is generated there on first
 * start when the folder is writable ({@code CAAS_AUTH_KEY_DIR})
 * @param cookieDomain domain the session cookie is scoped to, without the leading dot
 * ({@code DOMAIN_SUFFIX} or {@code CAAS_AUTH_COOKIE_DOMAIN})
 * @param cookieSecure whether the session cookie is sent over HTTPS only
 * ({@code CAAS_AUTH_COOKIE_SECURE})
 */
@Validated
@ConfigurationProperties("caas.auth")
public record AuthProperties(@NotNull URI userServiceUrl, @NotNull Duration accessTokenTtl,
		@NotNull Duration refreshTokenTtl, @NotNull Path keyDir, @NotBlank String cookieDomain, boolean cookieSecure) {

}
