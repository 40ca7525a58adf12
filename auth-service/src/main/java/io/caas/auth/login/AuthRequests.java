package io.caas.auth.login;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the public auth endpoints. */
final class AuthRequests {

	private AuthRequests() {
	}

	record Login(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {
	}

	record Refresh(@NotBlank String refreshToken) {
	}

	/**
	 * A fresh token pair. {@code mustChangePassword} is only known at login, so refresh
	 * answers leave it out.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Tokens(String accessToken, String refreshToken, long expiresIn, Boolean mustChangePassword) {
	}

}
