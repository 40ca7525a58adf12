package io.caas.classes.operation;

/**
 * Where one student is within an operation. UP: PENDING, CREATING, STARTING, READY. DOWN:
 * PENDING, COLLECTING, UPLOADED, VERIFIED, REMOVED (or SKIPPED when there was no
 * container). FAILED ends either with a reason.
 */
public enum StudentStep {

	PENDING, CREATING, STARTING, READY, COLLECTING, UPLOADED, VERIFIED, REMOVED, FAILED, SKIPPED;

	public boolean isFinal() {
		return this == READY || this == REMOVED || this == FAILED || this == SKIPPED;
	}

}
