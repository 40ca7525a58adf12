package io.caas.users.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

import io.caas.common.identity.Role;
import io.caas.common.naming.Ids;
import io.caas.users.credentials.Passwords;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;

import org.springframework.dao.DuplicateKeyException;

/**
 * Creates an admin directly in the user store, for a fresh install that has no admin to
 * create one through the API. Never changes an existing user.
 */
class AdminBootstrap {

	static final int MIN_PASSWORD = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserRepository users;

	private final Passwords passwords;

	private final Clock clock;

	AdminBootstrap(UserRepository users, Passwords passwords, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Creates {@code username} as an admin who must change the password at first sign-in.
	 * @param password the first password, or null/blank to generate one
	 * @return the password that was set (generated or given)
	 * @throws IllegalArgumentException for an invalid username or password, or a username
	 * that exists
	 */
	String createAdmin(String username, String password) {
		if (!Ids.isValid(username)) {
			throw new IllegalArgumentException(
					"username '" + username + "' is invalid: 1-32 lowercase letters or digits");
		}
		String first = (password == null || password.isBlank()) ? generated() : password;
		if (first.length() < MIN_PASSWORD) {
			throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD + " characters");
		}
		User admin = new User(username, this.passwords.hash(first), Set.of(Role.ADMIN), username, true,
				this.clock.instant());
		try {
			this.users.insert(admin);
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("user '" + username + "' already exists; nothing was changed", ex);
		}
		return first;
	}

	private static String generated() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
