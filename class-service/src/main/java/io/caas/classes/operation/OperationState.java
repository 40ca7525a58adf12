package io.caas.classes.operation;

/** RUNNING until every student reached a final step; FAILED when any student failed. */
public enum OperationState {

	RUNNING, SUCCEEDED, FAILED

}
