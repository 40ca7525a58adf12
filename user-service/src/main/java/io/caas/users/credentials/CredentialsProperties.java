package io.caas.users.credentials;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How passwords are hashed.
 *
 * @param bcryptStrength BCrypt cost factor (log2 rounds); tests lower it for speed
 * ({@code CAAS_USERS_BCRYPT_STRENGTH})
 */
@Validated
@ConfigurationProperties("caas.users")
record CredentialsProperties(@Min(4) @Max(31) int bcryptStrength) {

}
