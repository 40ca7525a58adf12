package io.caas.users.user;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.users.credentials.Passwords;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Who may see and create which users. */
@Service
class UserDirectory {

	private final UserRepository users;

	private final Passwords passwords;

	private final Clock clock;

	UserDirectory(UserRepository users, Passwords passwords) {
		this.users = users;
		this.passwords = passwords;
		this.clock = Clock.systemUTC();
	}

	User me(Identity who) {
		return this.users.findById(who.username()).orElseThrow(() -> CaasException.notFound("user", who.username()));
	}

	/** Admins see anyone; everyone else only themselves. */
	User get(Identity who, String username) {
		if (!who.isAdmin() && !who.username().equals(username)) {
			throw CaasException.forbidden("Only admins may look up other users");
		}
		return this.users.findById(username).orElseThrow(() -> CaasException.notFound("user", username));
	}

	User create(Identity who, NewUser request) {
		Require.anyOf(who, Role.ADMIN);
		String displayName = (request.displayName() == null || request.displayName().isBlank()) ? request.username()
				: request.displayName().strip();
		User user = new User(request.username(), this.passwords.hash(request.password()),
				request.roles().stream().map(Role::fromWire).collect(Collectors.toSet()), displayName,
				!Boolean.FALSE.equals(request.mustChangePassword()), this.clock.instant());
		try {
			return this.users.insert(user);
		}
		catch (DuplicateKeyException ex) {
			throw CaasException.conflict("user-exists", "User '" + request.username() + "' already exists");
		}
	}

	/** Admins list anyone; teachers may list students only, to build rosters. */
	List<User> list(Identity who, String role) {
		Require.anyOf(who, Role.ADMIN, Role.TEACHER);
		Role wanted = parseRole(role);
		if (!who.isAdmin() && wanted != Role.STUDENT) {
			throw CaasException.forbidden("Teachers may only list users with role=student");
		}
		return (wanted != null) ? this.users.findByRolesOrderByUsernameAsc(wanted)
				: this.users.findAllByOrderByUsernameAsc();
	}

	private static Role parseRole(String role) {
		if (role == null || role.isBlank()) {
			return null;
		}
		try {
			return Role.fromWire(role);
		}
		catch (IllegalArgumentException ex) {
			throw CaasException.badRequest("invalid-role", "role must be admin, teacher or student");
		}
	}

}
