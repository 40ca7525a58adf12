package io.caas.auth.session;

import java.util.Map;

import io.caas.common.error.CaasException;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets the gateway ask whether a session still lives, and user-service end every session
 * of a user (password changed, account disabled). Internal only: never routed.
 */
@RestController
class SessionController {

	private final SessionStore sessions;

	SessionController(SessionStore sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/internal/sessions/{sid}")
	Session get(@PathVariable String sid) {
		return this.sessions.find(sid).orElseThrow(() -> CaasException.notFound("session", sid));
	}

	@DeleteMapping("/internal/users/{username}/sessions")
	Map<String, Integer> closeAll(@PathVariable String username) {
		return Map.of("closed", this.sessions.closeAll(username));
	}

}
