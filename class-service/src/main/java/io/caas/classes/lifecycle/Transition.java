package io.caas.classes.lifecycle;

/** What a teacher asks of a class: open it (UP) or close it (DOWN). */
public enum Transition {

	UP(ClassState.OPENING), DOWN(ClassState.CLOSING);

	private final ClassState transientState;

	Transition(ClassState transientState) {
		this.transientState = transientState;
	}

	/** The state a class holds while this transition runs. */
	public ClassState transientState() {
		return this.transientState;
	}

}
