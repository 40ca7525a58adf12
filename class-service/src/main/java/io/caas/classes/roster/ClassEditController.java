package io.caas.classes.roster;

import jakarta.validation.Valid;

import io.caas.common.identity.Identity;

import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassEditController {

	private final ClassEdits edits;

	ClassEditController(ClassEdits edits) {
		this.edits = edits;
	}

	/** Changes the name, subject or template of a closed class. */
	@PatchMapping("/api/classes/{classId}")
	ClassView edit(Identity who, @PathVariable String classId, @Valid @RequestBody ClassEditRequest request) {
		return ClassView.of(this.edits.edit(who, classId, request), who);
	}

}
