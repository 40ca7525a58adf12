package io.caas.classes.runtime;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How class-service reaches the Docker engine.
 *
 * @param host engine endpoint, e.g. {@code unix:///var/run/docker.sock} or
 * {@code tcp://docker-proxy:2375}
 * @param apiVersion engine API version to speak (Docker 20.10 is 1.41)
 * @param responseTimeout longest wait for any single engine response, archive streams
 * included
 * @param pollInterval how often inspect is polled while waiting for health
 * @param diskQuota whether runtimes get their template's disk bound: {@code auto} where
 * the engine's storage driver can bound a container's disk (btrfs, zfs, overlay2 on XFS
 * with project quotas), {@code required} refuses to start runtimes elsewhere, {@code off}
 */
@Validated
@ConfigurationProperties("caas.docker")
record DockerProperties(@NotBlank String host, @NotBlank String apiVersion, @NotNull Duration responseTimeout,
		@NotNull Duration pollInterval, @DefaultValue("auto") DiskQuota diskQuota) {

	@ConstructorBinding
	DockerProperties {
	}

	DockerProperties(String host, String apiVersion, Duration responseTimeout, Duration pollInterval) {
		this(host, apiVersion, responseTimeout, pollInterval, DiskQuota.AUTO);
	}

	/** How runtimes' disks are bounded. */
	enum DiskQuota {

		AUTO, REQUIRED, OFF

	}

}
