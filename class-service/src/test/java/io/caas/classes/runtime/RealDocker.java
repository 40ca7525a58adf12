package io.caas.classes.runtime;

import java.time.Duration;

import io.caas.classes.installation.Installation;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.Fixtures;

/** The production Docker adapter, for integration tests in other packages. */
public final class RealDocker {

	private RealDocker() {
	}

	public static ContainerRuntime runtime() {
		return runtime(Fixtures.installation());
	}

	public static ContainerRuntime runtime(Installation installation) {
		return new DockerContainerRuntime(
				new DockerProperties(DockerTestSupport.HOST, "1.41", Duration.ofMinutes(2), Duration.ofMillis(200)),
				installation);
	}

}
