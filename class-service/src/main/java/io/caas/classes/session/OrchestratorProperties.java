package io.caas.classes.session;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How hard the orchestrator pushes the engine.
 *
 * @param provisionPermits student containers created or collected at once, across all
 * instances (Redis semaphore {@code caas:provision-permits}) and within each operation
 * @param permitLease how long a permit outlives a crashed holder
 * @param transitionWorkers classes one instance opens or closes at once; further requests
 * get 503
 * @param healthTimeout how long a new container may take to become healthy
 * @param healthPath HTTP path the container healthcheck curls on the template port
 * @param healthInterval healthcheck interval (also the boot-time probe rate: API 1.41 has
 * no start interval)
 * @param healthRetries consecutive failed checks before the engine calls a container
 * unhealthy
 */
@Validated
@ConfigurationProperties("caas.orchestrator")
public record OrchestratorProperties(@Min(1) @Max(64) int provisionPermits, @NotNull Duration permitLease,
		@Min(1) @Max(64) int transitionWorkers, @NotNull Duration healthTimeout, @NotBlank String healthPath,
		@NotNull Duration healthInterval, @Min(1) int healthRetries) {
}
