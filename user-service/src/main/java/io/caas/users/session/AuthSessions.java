package io.caas.users.session;

import java.net.URI;

import io.caas.common.error.CaasException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends every session of a user in auth-service: after a password change or when an admin
 * disables the account, no token or IDE cookie of theirs works any more.
 */
@Component
public class AuthSessions {

	private static final Logger log = LoggerFactory.getLogger(AuthSessions.class);

	private final RestClient rest;

	AuthSessions(RestClient.Builder builder, @Value("${caas.users.auth-service-url}") URI authService) {
		this.rest = builder.baseUrl(authService.toString()).build();
	}

	/**
	 * Ends them all; 503 problem when auth-service cannot be told, so callers change
	 * nothing.
	 */
	public void endAll(String username) {
		try {
			this.rest.delete().uri("/internal/users/{username}/sessions", username).retrieve().toBodilessEntity();
		}
		catch (RestClientException ex) {
			log.warn("cannot end the sessions of {}: {}", username, ex.toString());
			throw new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "auth-service-unavailable",
					"Sessions cannot be ended right now, nothing was changed; try again shortly");
		}
	}

}
