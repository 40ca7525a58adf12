package io.caas.users.credentials;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.users.session.AuthSessions;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets the caller replace their own password, which clears {@code mustChangePassword} and
 * ends every session of theirs (a stolen session dies with the old password).
 */
@RestController
class PasswordChangeController {

	private final UserRepository users;

	private final Passwords passwords;

	private final AuthSessions sessions;

	PasswordChangeController(UserRepository users, Passwords passwords, AuthSessions sessions) {
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	@PutMapping("/api/users/me/password")
	ResponseEntity<Void> change(Identity who, @Valid @RequestBody PasswordChange request) {
		User user = this.users.findById(who.username())
			.orElseThrow(() -> CaasException.notFound("user", who.username()));
		if (!this.passwords.matches(request.currentPassword(), user.passwordHash())) {
			// 403, not 401: the caller is authenticated, the gateway must not treat this
			// as a logout
			throw new CaasException(HttpStatus.FORBIDDEN, "wrong-password", "Current password is wrong");
		}
		// Every session ends first: if that cannot be done, nothing changes (503).
		this.sessions.endAll(user.username());
		this.users.save(user.withPassword(this.passwords.hash(request.newPassword()), false));
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(@NotBlank String currentPassword,
			@NotBlank @Size(min = 8, max = Passwords.MAX_BYTES) String newPassword) {
	}

}
