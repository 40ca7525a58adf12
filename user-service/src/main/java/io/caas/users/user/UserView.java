package io.caas.users.user;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
record UserView(String username, List<String> roles, String displayName, boolean mustChangePassword, Instant createdAt,
		boolean disabled) {

	static UserView of(User user) {
		return new UserView(user.username(), user.roleNames(), user.displayName(), user.mustChangePassword(),
				user.createdAt(), user.disabled());
	}

	/** The caller's own profile, {@code GET /api/users/me}. */
	record Me(String username, List<String> roles, String displayName) {

		static Me of(User user) {
			return new Me(user.username(), user.roleNames(), user.displayName());
		}

	}

}
