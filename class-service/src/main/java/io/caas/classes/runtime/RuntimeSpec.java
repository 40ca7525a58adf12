package io.caas.classes.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything that reaches the engine for one container, spelled out: no engine default is
 * relied upon for limits, privileges or health.
 *
 * @param image image reference
 * @param name container name (unique on the host)
 * @param hostname hostname inside the container
 * @param labels all labels, ownership and routing
 * @param network the only network the container joins
 * @param env environment variables
 * @param user user (uid or uid:gid) the main process runs as
 * @param workingDir working directory of the main process
 * @param memoryBytes hard memory limit
 * @param memorySwapBytes memory plus swap limit ({@code memoryBytes} means no swap)
 * @param nanoCpus CPU limit in billionths of a core
 * @param pidsLimit maximum number of processes
 * @param capDrop capabilities dropped ({@code ALL})
 * @param securityOpt security options ({@code no-new-privileges})
 * @param init whether an init process reaps zombies and forwards signals
 * @param healthcheck how the engine decides the container is healthy
 */
public record RuntimeSpec(String image, String name, String hostname, Map<String, String> labels, String network,
		Map<String, String> env, String user, String workingDir, long memoryBytes, long memorySwapBytes, long nanoCpus,
		long pidsLimit, List<String> capDrop, List<String> securityOpt, boolean init, HealthCheckSpec healthcheck) {

	public RuntimeSpec {
		labels = Map.copyOf(labels);
		env = Map.copyOf(env);
		capDrop = List.copyOf(capDrop);
		securityOpt = List.copyOf(securityOpt);
	}

	/**
	 * A command healthcheck. The engine (API 1.41) has no start interval, so one interval
	 * serves both the boot and the steady state.
	 */
	public record HealthCheckSpec(List<String> test, Duration interval, Duration timeout, int retries) {

		public HealthCheckSpec {
			test = List.copyOf(test);
		}

	}

}
