package io.caas.classes.enrolment;

import java.util.List;

import io.caas.classes.roster.ClassView;
import io.caas.common.identity.Identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EnrolmentController {

	private final EnrolmentService enrolment;

	EnrolmentController(EnrolmentService enrolment) {
		this.enrolment = enrolment;
	}

	/**
	 * {@code GET /api/classes?selfEnrol=true}: sections anyone signed in may join now.
	 */
	@GetMapping(path = "/api/classes", params = "selfEnrol=true")
	List<ClassView> joinable(Identity who) {
		return this.enrolment.joinable(who).stream().map(c -> ClassView.of(c, who)).toList();
	}

	@PostMapping("/api/classes/{classId}/enrolment")
	ClassView join(Identity who, @PathVariable String classId) {
		return ClassView.of(this.enrolment.join(who, classId), who);
	}

	@DeleteMapping("/api/classes/{classId}/enrolment")
	ResponseEntity<Void> leave(Identity who, @PathVariable String classId) {
		this.enrolment.leave(who, classId);
		return ResponseEntity.noContent().build();
	}

}
