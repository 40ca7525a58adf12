package io.caas.users.user;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.users.session.AuthSessions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin switches an account off or changes its roles; auth-service reads the account
 * here at every refresh. Disabling ends every session at once; new roles reach tokens at
 * the next refresh.
 */
@RestController
class UserAccountController {

	private final UserRepository users;

	private final AuthSessions sessions;

	UserAccountController(UserRepository users, AuthSessions sessions) {
		this.users = users;
		this.sessions = sessions;
	}

	@PatchMapping("/api/users/{username}")
	UserView update(Identity who, @PathVariable String username, @RequestBody AccountChange change) {
		Require.anyOf(who, Role.ADMIN);
		User user = this.users.findById(username).orElseThrow(() -> CaasException.notFound("user", username));
		if (who.username().equals(username) && Boolean.TRUE.equals(change.disabled())) {
			throw CaasException.badRequest("cannot-disable-self", "Admins cannot disable their own account");
		}
		Set<Role> roles = (change.roles() != null) ? parse(change.roles()) : user.roles();
		boolean disabled = (change.disabled() != null) ? change.disabled() : user.disabled();
		if (disabled && !user.disabled()) {
			this.sessions.endAll(username);
		}
		return UserView.of(this.users.save(user.withAccess(roles, disabled)));
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

	record AccountChange(Boolean disabled, List<String> roles) {
	}

	record Account(String username, List<String> roles, String displayName, boolean mustChangePassword) {
	}

}
