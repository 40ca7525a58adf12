package io.caas.users.user;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.users.credentials.Passwords;
import io.caas.users.session.AuthSessions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin switches an account off, changes its roles or resets its password;
 * auth-service reads the account here at every refresh. Disabling and a reset end every
 * session at once (first: if that fails, nothing changes); new roles reach tokens at the
 * next refresh. A reset password is an initial one: the user must change it at their next
 * sign-in.
 */
@RestController
class UserAccountController {

	private final UserRepository users;

	private final AuthSessions sessions;

	private final Passwords passwords;

	UserAccountController(UserRepository users, AuthSessions sessions, Passwords passwords) {
		this.users = users;
		this.sessions = sessions;
		this.passwords = passwords;
	}

	@PatchMapping("/api/users/{username}")
	UserView update(Identity who, @PathVariable String username, @Valid @RequestBody AccountChange change) {
		Require.anyOf(who, Role.ADMIN);
		User user = this.users.findById(username).orElseThrow(() -> CaasException.notFound("user", username));
		if (who.username().equals(username) && Boolean.TRUE.equals(change.disabled())) {
			throw CaasException.badRequest("cannot-disable-self", "Admins cannot disable their own account");
		}
		Set<Role> roles = (change.roles() != null) ? parse(change.roles()) : user.roles();
		boolean disabled = (change.disabled() != null) ? change.disabled() : user.disabled();
		String newHash = (change.resetPassword() != null) ? this.passwords.hash(change.resetPassword()) : null;
		if ((disabled && !user.disabled()) || newHash != null) {
			this.sessions.endAll(username);
		}
		User changed = user.withAccess(roles, disabled);
		if (newHash != null) {
			changed = changed.withPassword(newHash, true);
		}
		return UserView.of(this.users.save(changed));
	}

	/**
	 * For auth-service's refresh: the account as it is now; 404 when gone or disabled.
	 */
	@GetMapping("/internal/users/{username}")
	Account current(@PathVariable String username) {
		User user = this.users.findById(username)
			.filter(u -> !u.disabled())
			.orElseThrow(() -> CaasException.notFound("user", username));
		return new Account(user.username(), user.roleNames(), user.displayName(), user.mustChangePassword());
	}

	private static Set<Role> parse(List<String> names) {
		if (names.isEmpty()) {
			throw CaasException.badRequest("invalid-role", "A user needs at least one role");
		}
		try {
			return names.stream().map(Role::fromWire).collect(Collectors.toSet());
		}
		catch (IllegalArgumentException ex) {
			throw CaasException.badRequest("invalid-role", "roles must be admin, teacher or student");
		}
	}

	/**
	 * What an admin changes; absent fields stay as they are.
	 *
	 * @param disabled switch the account off (or on again)
	 * @param roles the new roles, at least one
	 * @param resetPassword a new initial password (8-72 characters) that the user must
	 * change at their next sign-in
	 */
	record AccountChange(Boolean disabled, List<String> roles, @Size(min = 8, max = 72) String resetPassword) {
	}

	record Account(String username, List<String> roles, String displayName, boolean mustChangePassword) {
	}

}
