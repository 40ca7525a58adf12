package io.caas.classes.session;

import java.net.URI;

import io.caas.common.identity.Identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

	private final SessionService sessions;

	private final StatusService status;

	SessionController(SessionService sessions, StatusService status) {
		this.sessions = sessions;
		this.status = status;
	}

	@PostMapping("/api/classes/{classId}/up")
	ResponseEntity<Accepted> up(Identity who, @PathVariable String classId) {
		return accepted(this.sessions.request(who, classId, Transition.UP));
	}

	@PostMapping("/api/classes/{classId}/down")
	ResponseEntity<Accepted> down(Identity who, @PathVariable String classId) {
		return accepted(this.sessions.request(who, classId, Transition.DOWN));
	}

	@GetMapping("/api/classes/{classId}/status")
	ClassStatus status(Identity who, @PathVariable String classId) {
		return this.status.of(who, classId);
	}

	private static ResponseEntity<Accepted> accepted(String operationId) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/operations/" + operationId))
			.body(new Accepted(operationId));
	}

	record Accepted(String operationId) {
	}

}
