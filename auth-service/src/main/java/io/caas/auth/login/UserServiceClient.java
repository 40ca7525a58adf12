package io.caas.auth.login;

import java.util.List;
import java.util.Optional;

import io.caas.auth.AuthProperties;
import io.caas.common.error.CaasException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Asks user-service whether a username and password belong together. */
@Component
class UserServiceClient {

	private static final Logger log = LoggerFactory.getLogger(UserServiceClient.class);

	private final RestClient rest;

	UserServiceClient(RestClient.Builder builder, AuthProperties properties) {
		this.rest = builder.baseUrl(properties.userServiceUrl().toString()).build();
	}

	/**
	 * The verified user; a 401 problem for bad credentials, 503 if user-service fails.
	 */
	VerifiedUser verify(String username, String password) {
		try {
			VerifiedUser user = this.rest.post()
				.uri("/internal/users/verify")
				.contentType(MediaType.APPLICATION_JSON)
				.body(new Credentials(username, password))
				.retrieve()
				.body(VerifiedUser.class);
			if (user == null || user.username() == null) {
				throw new RestClientException("empty answer from user-service");
			}
			return user;
		}
		catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.BadRequest ex) {
			throw CaasException.unauthorized("Invalid username or password");
		}
		catch (RestClientException ex) {
			log.warn("user-service verify failed: {}", ex.toString());
			throw new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "user-service-unavailable",
					"Cannot check credentials right now, try again shortly");
		}
	}

	/**
	 * The user as user-service knows them now; empty when gone or disabled, so a refresh
	 * picks up role changes and a disabled account stops at its next refresh.
	 */
	Optional<VerifiedUser> current(String username) {
		try {
			VerifiedUser user = this.rest.get()
				.uri("/internal/users/{username}", username)
				.retrieve()
				.body(VerifiedUser.class);
			return Optional.ofNullable(user).filter(u -> u.username() != null);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
		catch (RestClientException ex) {
			log.warn("user-service lookup failed: {}", ex.toString());
			throw new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "user-service-unavailable",
					"Cannot check the account right now, try again shortly");
		}
	}

	record Credentials(String username, String password) {
	}

	record VerifiedUser(String username, List<String> roles, String displayName, boolean mustChangePassword) {

		VerifiedUser {
			roles = (roles != null) ? List.copyOf(roles) : List.of();
		}

	}

}
