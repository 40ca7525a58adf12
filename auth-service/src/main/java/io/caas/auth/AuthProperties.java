package io.caas.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

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
 * @param sessionMaxTtl absolute lifetime of a session, however often it is refreshed; IDE
 * cookies live as long ({@code CAAS_AUTH_SESSION_MAX_TTL})
 * @param ideTransferTtl lifetime of the one-time token that carries a session to one IDE
 * host ({@code CAAS_AUTH_IDE_TRANSFER_TTL})
 * @param keyDir folder holding {@code signing-key.pem} (signs) and {@code retired-*.pem}
 * (still verify); a key is generated there on first start when the folder is writable
 * ({@code CAAS_AUTH_KEY_DIR})
 * @param cookieSecure whether the session cookie is sent over HTTPS only
 * ({@code CAAS_AUTH_COOKIE_SECURE})
 * @param loginThrottle how many failed logins are allowed before 429
 */
@Validated
@ConfigurationProperties("caas.auth")
public record AuthProperties(@NotNull URI userServiceUrl, @NotNull Duration accessTokenTtl,
		@NotNull Duration refreshTokenTtl, @NotNull Duration sessionMaxTtl, @NotNull Duration ideTransferTtl,
		@NotNull Path keyDir, boolean cookieSecure, @Valid @NotNull LoginThrottle loginThrottle) {

	/**
	 * Failed logins counted in Redis over a window.
	 *
	 * @param perAccount failures per username within the window
	 * ({@code CAAS_AUTH_LOGIN_THROTTLE_PER_ACCOUNT})
	 * @param perAddress failures per client address within the window
	 * ({@code CAAS_AUTH_LOGIN_THROTTLE_PER_ADDRESS})
	 * @param window how long failures are remembered
	 * ({@code CAAS_AUTH_LOGIN_THROTTLE_WINDOW})
	 */
	public record LoginThrottle(@Positive int perAccount, @Positive int perAddress, @NotNull Duration window) {
	}

}
