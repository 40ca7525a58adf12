package io.caas.classes.subject;

/** A subject as the API shows it. */
record SubjectView(String subjectId, String name, String description) {

	static SubjectView of(Subject subject) {
		return new SubjectView(subject.id(), subject.name(), subject.description());
	}

}
