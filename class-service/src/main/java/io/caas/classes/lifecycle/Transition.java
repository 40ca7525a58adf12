package io.caas.classes.lifecycle;

/**
 * What a teacher asks of a class: open it (UP), close it (DOWN), or reset one student of
 * an open class (RESET: the class stays OPEN, the class lock marks it busy).
 */
public enum Transition {

	UP(ClassState.OPENING), DOWN(ClassState.CLOSING), RESET(ClassState.OPEN);

	private final ClassState transientState;

	Transition(ClassState transientState) {
		this.transientState = transientState;
	}

	/** The state a class holds while this transition runs. */
	public ClassState transientState() {
		return this.transientState;
	}

}
