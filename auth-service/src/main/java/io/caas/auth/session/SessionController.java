package io.caas.auth.session;

import io.caas.common.error.CaasException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Lets the gateway ask whether the session behind an access token was logged out. */
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

}
