package io.caas.users.credentials;

import java.util.List;

import io.caas.common.error.CaasException;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password check for auth-service. Unknown user, wrong password and a disabled account
 * get the same answer, after the same BCrypt work.
 */
@RestController
class VerifyController {

	private final UserRepository users;

	private final Passwords passwords;

	VerifyController(UserRepository users, Passwords passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	@PostMapping("/internal/users/verify")
	Verified verify(@Valid @RequestBody VerifyRequest request) {
		User user = this.users.findById(request.username()).orElse(null);
		boolean ok = this.passwords.matches(request.password(), (user != null) ? user.passwordHash() : null);
		if (!ok || user.disabled()) {
			throw CaasException.unauthorized("Invalid username or password");
		}
		return new Verified(user.username(), user.roleNames(), user.displayName(), user.mustChangePassword());
	}

	record VerifyRequest(@NotBlank String username, @NotBlank String password) {
	}

	record Verified(String username, List<String> roles, String displayName, boolean mustChangePassword) {
	}

}
