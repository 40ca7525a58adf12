package io.caas.classes.runtime;

import java.util.List;
import java.util.Map;

/**
 * Everything that reaches the engine for one container, spelled out: no engine default is
 * relied upon for limits, privileges, restarts or health. No engine healthcheck: an
 * image's own HEALTHCHECK is switched off, since a per-second exec in every idle runtime
 * costs host CPU; readiness is probed from outside, through the edge.
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
 * @param restartUnlessStopped whether the engine starts the container again after a crash
 * or an engine restart (a container stopped on purpose stays stopped)
 * @param diskBytes most bytes the container may write on top of its image ({@code 0}: no
 * bound); applied where the engine's storage driver supports a size per container
 */
public record RuntimeSpec(String image, String name, String hostname, Map<String, String> labels, String network,
		Map<String, String> env, String user, String workingDir, long memoryBytes, long memorySwapBytes, long nanoCpus,
		long pidsLimit, List<String> capDrop, List<String> securityOpt, boolean init, boolean restartUnlessStopped,
		long diskBytes) {

	public RuntimeSpec {
		labels = Map.copyOf(labels);
		env = Map.copyOf(env);
		capDrop = List.copyOf(capDrop);
		securityOpt = List.copyOf(securityOpt);
	}

}
