package io.caas.auth.session;

import java.util.List;

/**
 * A logged-in person, alive in Redis until logout or until it goes unrefreshed for the
 * refresh token lifetime.
 *
 * @param sid random session id, the {@code sid} claim of its access tokens
 * @param username who logged in
 * @param roles lowercase role names at login time
 */
public record Session(String sid, String username, List<String> roles) {

	public Session {
		roles = List.copyOf(roles);
	}

	/** A session together with the one refresh token currently valid for it. */
	public record Opened(Session session, String refreshToken) {
	}

}
