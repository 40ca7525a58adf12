package io.caas.classes.workspace;

/**
 * An earlier submission could not be restored into a new workspace; the message is the
 * reason shown to the teacher. The student is failed, never left with a silently empty
 * workspace.
 */
public class RestoreException extends RuntimeException {

	public RestoreException(String message) {
		super(message);
	}

	public RestoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
