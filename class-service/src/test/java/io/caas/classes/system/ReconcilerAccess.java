package io.caas.classes.system;

import org.springframework.context.ApplicationContext;

/** Lets integration tests in other packages run a reconcile pass on demand. */
public final class ReconcilerAccess {

	private ReconcilerAccess() {
	}

	public static void reconcile(ApplicationContext context) {
		context.getBean(Reconciler.class).reconcile("test");
	}

}
