package io.caas.classes.runtime;

/**
 * The engine refused or failed an operation; the message is fit for a student's reason.
 */
public class ContainerRuntimeException extends RuntimeException {

	public ContainerRuntimeException(String message) {
		super(message);
	}

	public ContainerRuntimeException(String message, Throwable cause) {
		super(message, cause);
	}

}
