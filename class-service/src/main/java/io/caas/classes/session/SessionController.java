package io.caas.classes.session;

import java.net.URI;

import io.caas.classes.lifecycle.Transition;
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

	private final StudentRestart restart;

	private final StudentReset reset;

	SessionController(SessionService sessions, StatusService status, StudentRestart restart, StudentReset reset) {
		this.sessions = sessions;
		this.status = status;
		this.restart = restart;
		this.reset = reset;
	}

	@PostMapping("/api/classes/{classId}/up")
	ResponseEntity<Accepted> up(Identity who, @PathVariable String classId) {
		return accepted(this.sessions.request(who, classId, Transition.UP));
	}

	@PostMapping("/api/classes/{classId}/down")
	ResponseEntity<Accepted> down(Identity who, @PathVariable String classId) {
		return accepted(this.sessions.request(who, classId, Transition.DOWN));
	}

	/**
	 * Restarts one student's runtime (workspace kept); 202 at once, the IDE host shows
	 * the starting page until the IDE answers again.
	 */
	@PostMapping("/api/classes/{classId}/students/{studentId}/restart")
	ResponseEntity<Void> restart(Identity who, @PathVariable String classId, @PathVariable String studentId) {
		this.restart.restart(who, classId, studentId);
		return ResponseEntity.accepted().location(URI.create("/api/classes/" + classId + "/status")).build();
	}

	/**
	 * Resets one student's runtime: 202 with the id of a RESET operation once it is
	 * validated; the workspace is collected first (as a close does), then the runtime
	 * starts again from a fresh workspace. The operation's single student step shows the
	 * progress and ends READY (the new IDE answers through the edge) or FAILED with the
	 * reason.
	 */
	@PostMapping("/api/classes/{classId}/students/{studentId}/reset")
	ResponseEntity<Accepted> reset(Identity who, @PathVariable String classId, @PathVariable String studentId) {
		return accepted(this.reset.reset(who, classId, studentId));
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
