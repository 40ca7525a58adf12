package io.caas.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the last lines of class-service's and Traefik's logs when a test fails, so a
 * failed proof on real Docker can be read without the stack.
 */
class StackLogsOnFailure implements TestWatcher {

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		Stack stack = Stack.fromSystemProperties();
		for (String service : new String[] { "class-service", "traefik" }) {
			try {
				String id = Docker.composeContainer(stack.project(), service);
				System.err.println("---- last lines of " + service + " (" + context.getDisplayName() + ") ----");
				System.err.println(Docker.run("logs", "--tail", "150", id));
			}
			catch (RuntimeException ex) {
				System.err.println("no logs of " + service + ": " + ex.getMessage());
			}
		}
	}

}
