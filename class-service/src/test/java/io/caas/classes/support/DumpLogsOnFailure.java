package io.caas.classes.support;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prints the logs of the containers a failed test made, before its cleanup removes them.
 * The test class says which containers are its own.
 */
public class DumpLogsOnFailure implements AfterTestExecutionCallback {

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent()
				&& context.getRequiredTestInstance() instanceof OwnsContainers owner) {
			try (DockerTestSupport docker = new DockerTestSupport()) {
				docker.dumpLogs(owner.ownedLabels());
			}
			catch (Exception ex) {
				System.err.println("could not dump container logs: " + ex);
			}
		}
	}

	/** A test that labels what it creates. */
	public interface OwnsContainers {

		Map<String, String> ownedLabels();

	}

}
