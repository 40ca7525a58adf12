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
 * @param mustChangePassword the account still has an initial (or reset) password: the
 * session may only change it, read its own profile and log out (the gateway enforces it
 * from the token's {@value #PASSWORD_CHANGE_CLAIM} claim)
 */
public record Session(String sid, String username, List<String> roles, Instant expiresAt, boolean mustChangePassword) {

	/** Access-token claim, present and true while the password must be changed. */
	public static final String PASSWORD_CHANGE_CLAIM = "pwd_change";

	public Session {
		roles = List.copyOf(roles);
	}

	public Session(String sid, String username, List<String> roles, Instant expiresAt) {
		this(sid, username, roles, expiresAt, false);
	}

	/**
	 * What is known about a sign-in when it opens a session.
	 *
	 * @param mustChangePassword as user-service reported it
	 * @param clientAddress the browser's address (first {@code X-Forwarded-For} entry)
	 * @param userAgent the browser's {@code User-Agent}, cut to 200 characters
	 */
	public record Start(boolean mustChangePassword, String clientAddress, String userAgent) {

		public static final Start PLAIN = new Start(false, null, null);

		public Start {
			userAgent = (userAgent != null && userAgent.length() > 200) ? userAgent.substring(0, 200) : userAgent;
		}

	}

	/** A session together with the one refresh token currently valid for it. */
	public record Opened(Session session, String refreshToken) {
	}

}
