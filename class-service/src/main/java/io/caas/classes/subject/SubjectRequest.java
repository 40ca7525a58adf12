package io.caas.classes.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/subjects} ({@code subjectId} required) and {@code PUT
 * /api/subjects/{subjectId}} ({@code subjectId} ignored).
 */
record SubjectRequest(String subjectId, @NotBlank @Size(max = 120) String name, @Size(max = 1000) String description) {

	String trimmedDescription() {
		return (this.description == null || this.description.isBlank()) ? null : this.description.strip();
	}

}
