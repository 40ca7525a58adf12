package io.caas.classes.roster;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/classes/{classId}}: what changes, each field optional (a
 * missing one stays as it is). {@code subject} is a subject id, {@code templateId} an
 * allowlisted template id.
 */
record ClassEditRequest(@Size(max = 120) String name, String subject, String templateId) {

	boolean changesNothing() {
		return this.name == null && this.subject == null && this.templateId == null;
	}

}
