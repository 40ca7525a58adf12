package io.caas.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A live session as admins see it ({@code GET /api/sessions}): never a token or its hash.
 *
 * @param sessionId the session id, what {@code DELETE /api/sessions/{sid}} takes
 * @param username who signed in
 * @param roles as the latest token carries them
 * @param createdAt when the sign-in happened (null for sessions opened before this was
 * kept)
 * @param lastRefreshAt when a token was last issued for it (sign-in or refresh)
 * @param expiresAt the absolute end
 * @param clientAddress the browser's address at sign-in, if known
 * @param userAgent the browser's {@code User-Agent} at sign-in, if known
 * @param mustChangePassword the session may do nothing but change the password
 */
public record SessionInfo(String sessionId, String username, List<String> roles, Instant createdAt,
		Instant lastRefreshAt, Instant expiresAt, String clientAddress, String userAgent, boolean mustChangePassword) {

	static final String CREATED = "created";

	static final String REFRESHED = "refreshed";

	static final String ADDRESS = "address";

	static final String AGENT = "agent";

	static final String PASSWORD_CHANGE = "pwchange";

	static SessionInfo of(Session session, Map<Object, Object> fields) {
		return new SessionInfo(session.sid(), session.username(), session.roles(), instant(fields.get(CREATED)),
				instant(fields.get(REFRESHED)), session.expiresAt(), (String) fields.get(ADDRESS),
				(String) fields.get(AGENT), session.mustChangePassword());
	}

	private static Instant instant(Object epochSeconds) {
		if (epochSeconds == null) {
			return null;
		}
		try {
			return Instant.ofEpochSecond(Long.parseLong((String) epochSeconds));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
