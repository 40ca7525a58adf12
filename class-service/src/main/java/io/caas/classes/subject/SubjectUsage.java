package io.caas.classes.subject;

/**
 * How many classes belong to a subject; implemented where classes live, so this package
 * does not depend on them.
 */
public interface SubjectUsage {

	long classesOf(String subjectId);

}
