package io.caas.classes.runtime;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.caas.classes.runtime.DockerProperties.DiskQuota;

/**
 * The engine's per-container disk bound ({@code StorageOpt size}) for a runtime. Only
 * some storage drivers can bound a container's disk: btrfs with quotas (a qgroup per
 * container; with simple quotas, as infra/build.sh sets them up, it counts only what the
 * container writes, with full qgroups the image's shared bytes count too), zfs, and
 * overlay2 on XFS mounted with project quotas. On any other engine, {@code auto} creates
 * runtimes without a bound and says so once in the log; {@code required} refuses.
 */
final class DiskBounds {

	private static final Logger log = LoggerFactory.getLogger(DiskBounds.class);

	private final DockerClient docker;

	private final DiskQuota mode;

	private volatile String driver;

	private volatile boolean supported;

	DiskBounds(DockerClient docker, DiskQuota mode) {
		this.docker = docker;
		this.mode = mode;
	}

	/** The storage options to create the runtime with; empty when there is no bound. */
	Map<String, String> storageOpt(RuntimeSpec spec) {
		if (spec.diskBytes() <= 0 || this.mode == DiskQuota.OFF) {
			return Map.of();
		}
		if (!supported()) {
			if (this.mode == DiskQuota.REQUIRED) {
				throw new ContainerRuntimeException("the engine's storage driver (" + this.driver
						+ ") cannot bound a runtime's disk, and caas.docker.disk-quota is 'required'");
			}
			return Map.of();
		}
		return Map.of("size", Long.toString(spec.diskBytes()));
	}

	/**
	 * Whether a create failed only because the engine cannot apply the bound (overlay2 on
	 * XFS without project quotas); in {@code auto} mode the bound is then dropped for
	 * good.
	 */
	boolean refusedByEngine(DockerException ex) {
		if (this.mode != DiskQuota.AUTO || !String.valueOf(ex.getMessage()).contains("storage-opt")) {
			return false;
		}
		log.warn("runtime disks are NOT bounded: the engine refused a size ({}); templates' diskLimit is ignored",
				ex.getMessage());
		this.supported = false;
		return true;
	}

	private boolean supported() {
		if (this.driver == null) {
			synchronized (this) {
				if (this.driver == null) {
					Info info = this.docker.infoCmd().exec();
					this.supported = canBound(info.getDriver(), info.getDriverStatuses());
					this.driver = String.valueOf(info.getDriver());
					if (this.supported) {
						log.info("runtime disks are bounded by their template (storage driver {})", this.driver);
					}
					else {
						log.warn("runtime disks are NOT bounded: storage driver {} cannot bound a container's disk",
								this.driver);
					}
				}
			}
		}
		return this.supported;
	}

	static boolean canBound(String driver, List<List<String>> status) {
		return switch (String.valueOf(driver)) {
			case "btrfs", "zfs" -> true;
			case "overlay2" -> status != null && status.stream()
				.anyMatch(kv -> kv.size() == 2 && "Backing Filesystem".equals(kv.get(0)) && "xfs".equals(kv.get(1)));
			default -> false;
		};
	}

}
