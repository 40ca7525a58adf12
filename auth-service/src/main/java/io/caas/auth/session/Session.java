package io.caas.auth.session;

import java.time.Instant;
import java.util.List;

/**
 * A logged-in person, alive in Redis until logout, until it goes unrefreshed for the
 * refresh token lifetime, or until its absolute end, whichever comes first.
 *
 * @param sid random session id, the {@code sid} claim of its access tokens
 * @param username who logged in
 * @param roles lowercase role names, as user-service last reported them
 * @param expiresAt the absolute end: no refresh extends a session past it
 */
public record Session(String sid, String username, List<String> roles, Instant expiresAt) {

	public Session {
		roles = List.copyOf(roles);
	}

	/** A session together with the one refresh token currently valid for it. */
	public record Opened(Session session, String refreshToken) {
	}

}
