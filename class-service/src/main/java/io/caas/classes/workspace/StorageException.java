package io.caas.classes.workspace;

/** The object store refused or failed; the message is fit for a student's reason. */
public class StorageException extends RuntimeException {

	public StorageException(String message) {
		super(message);
	}

	public StorageException(String message, Throwable cause) {
		super(message, cause);
	}

}
