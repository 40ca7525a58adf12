package io.caas.classes.runtime;

import java.time.Duration;

import io.caas.classes.support.DockerTestSupport;

/** The production Docker adapter, for integration tests in other packages. */
public final class RealDocker {

	private RealDocker() {
	}

	public static ContainerRuntime runtime() {
		return new DockerContainerRuntime(
				new DockerProperties(DockerTestSupport.HOST, "1.41", Duration.ofMinutes(2), Duration.ofMillis(200)));
	}

}
