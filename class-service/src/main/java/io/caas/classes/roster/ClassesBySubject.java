package io.caas.classes.roster;

import io.caas.classes.subject.SubjectUsage;

import org.springframework.stereotype.Component;

/** Tells the subjects package how many classes belong to a subject. */
@Component
class ClassesBySubject implements SubjectUsage {

	private final ClassRoomRepository classes;

	ClassesBySubject(ClassRoomRepository classes) {
		this.classes = classes;
	}

	@Override
	public long classesOf(String subjectId) {
		return this.classes.countBySubject(subjectId);
	}

}
