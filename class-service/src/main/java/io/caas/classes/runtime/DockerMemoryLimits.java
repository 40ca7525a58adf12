package io.caas.classes.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;

/**
 * The memory limits of running containers of every installation: the list omits limits,
 * so each container found is inspected once; one removed meanwhile counts 0.
 */
final class DockerMemoryLimits {

	private DockerMemoryLimits() {
	}

	/** The host's memory as the engine reports it. */
	static long host(DockerClient docker) {
		Long total = docker.infoCmd().exec().getMemTotal();
		if (total == null || total <= 0) {
			throw new ContainerRuntimeException("the engine reports no host memory");
		}
		return total;
	}

	static List<MemoryLimit> running(DockerClient docker, Map<String, String> labels) {
		List<MemoryLimit> found = new ArrayList<>();
		for (Container c : docker.listContainersCmd()
			.withStatusFilter(List.of("created", "running", "restarting"))
			.withLabelFilter(labels)
			.exec()) {
			found.add(new MemoryLimit(c.getId(), (c.getLabels() != null) ? c.getLabels() : Map.of(),
					memoryOf(docker, c.getId())));
		}
		return found;
	}

	private static long memoryOf(DockerClient docker, String id) {
		try {
			Long memory = docker.inspectContainerCmd(id).exec().getHostConfig().getMemory();
			return (memory != null) ? memory : 0;
		}
		catch (NotFoundException ex) {
			return 0;
		}
	}

}
