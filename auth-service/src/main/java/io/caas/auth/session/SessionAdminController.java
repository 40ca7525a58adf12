package io.caas.auth.session;

import java.util.List;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.common.naming.Ids;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins see who is signed in and end a session. Ending it removes it from Redis, so the
 * API and every IDE host refuse its tokens and cookies (the gateway asks on every
 * request; the gateway that relays this DELETE forgets the session at once, others within
 * their cache time).
 */
@RestController
class SessionAdminController {

	private final SessionStore sessions;

	SessionAdminController(SessionStore sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/api/sessions")
	List<SessionInfo> list(Identity who, @RequestParam(required = false) String username) {
		Require.anyOf(who, Role.ADMIN);
		if (username != null && !username.isBlank() && !Ids.isValid(username)) {
			throw CaasException.badRequest("invalid-username", "username must be 1-32 lowercase letters or digits");
		}
		return this.sessions.list((username == null || username.isBlank()) ? null : username);
	}

	@DeleteMapping("/api/sessions/{sid}")
	ResponseEntity<Void> end(Identity who, @PathVariable String sid) {
		Require.anyOf(who, Role.ADMIN);
		this.sessions.find(sid).orElseThrow(() -> CaasException.notFound("session", sid));
		this.sessions.close(sid);
		return ResponseEntity.noContent().build();
	}

}
