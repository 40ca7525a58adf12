package io.caas.classes.workspace;

/**
 * A student's workspace could not be collected and verified; the message is the reason
 * shown to the teacher. The student keeps their runtime.
 */
public class CollectionException extends RuntimeException {

	public CollectionException(String message) {
		super(message);
	}

	public CollectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
