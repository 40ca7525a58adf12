package io.caas.classes.runtime;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@Validated
@ConfigurationProperties("caas.docker")
record DockerProperties(@NotBlank String host, @NotBlank String apiVersion, @NotNull Duration responseTimeout,
		@NotNull Duration pollInterval) {
}
