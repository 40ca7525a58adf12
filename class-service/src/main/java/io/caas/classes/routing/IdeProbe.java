package io.caas.classes.routing;

/**
 * Asks whether a student's IDE answers as a browser would reach it: through the edge, by
 * its hostname. Only then is the student READY.
 */
public interface IdeProbe {

	/** Whether the IDE answers right now; never throws for an unreachable IDE. */
	boolean answers(String classId, String studentId);

}
