package io.caas.classes.lifecycle;

/** Where a class is in its life; OPENING and CLOSING mean a transition owns it. */
public enum ClassState {

	CLOSED, OPENING, OPEN, CLOSING;

	public boolean isTransient() {
		return this == OPENING || this == CLOSING;
	}

}
