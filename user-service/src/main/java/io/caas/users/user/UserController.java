package io.caas.users.user;

import java.net.URI;
import java.util.List;

import io.caas.common.identity.Identity;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

	private final UserDirectory directory;

	UserController(UserDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/me")
	UserView.Me me(Identity who) {
		return UserView.Me.of(this.directory.me(who));
	}

	@GetMapping("/{username}")
	UserView get(Identity who, @PathVariable String username) {
		return UserView.of(this.directory.get(who, username));
	}

	@PostMapping
	ResponseEntity<UserView> create(Identity who, @Valid @RequestBody NewUser request) {
		User user = this.directory.create(who, request);
		return ResponseEntity.created(URI.create("/api/users/" + user.username())).body(UserView.of(user));
	}

	@GetMapping
	List<UserView> list(Identity who, @RequestParam(required = false) String role) {
		return this.directory.list(who, role).stream().map(UserView::of).toList();
	}

}
