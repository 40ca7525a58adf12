package io.caas.classes.subject;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import io.caas.common.identity.Identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/subjects")
class SubjectController {

	private final SubjectService subjects;

	SubjectController(SubjectService subjects) {
		this.subjects = subjects;
	}

	/** Anyone signed in; the identity parameter enforces that. */
	@GetMapping
	List<SubjectView> list(Identity who) {
		return this.subjects.all().stream().map(SubjectView::of).toList();
	}

	@PostMapping
	ResponseEntity<SubjectView> create(Identity who, @Valid @RequestBody SubjectRequest request) {
		Subject created = this.subjects.create(who, request);
		return ResponseEntity.created(URI.create("/api/subjects/" + created.id())).body(SubjectView.of(created));
	}

	@PutMapping("/{subjectId}")
	SubjectView update(Identity who, @PathVariable String subjectId, @Valid @RequestBody SubjectRequest request) {
		return SubjectView.of(this.subjects.update(who, subjectId, request));
	}

	@DeleteMapping("/{subjectId}")
	ResponseEntity<Void> delete(Identity who, @PathVariable String subjectId) {
		this.subjects.delete(who, subjectId);
		return ResponseEntity.noContent().build();
	}

}
