package io.caas.classes.session;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How hard the orchestrator pushes the engine.
 *
 * @param provisionPermits student containers created or collected at once, across all
 * instances (Redis semaphore {@code caas:provision-permits}) and within each operation;
 * booting runtimes wait for their IDE outside the permits
 * @param permitLease how long a permit outlives a crashed holder
 * @param transitionWorkers classes one instance opens or closes at once; further requests
 * get 503
 * @param healthTimeout how long a new runtime may take until its IDE answers through the
 * edge
 * @param healthInterval how often a booting IDE is probed through the edge
 */
@Validated
@ConfigurationProperties("caas.orchestrator")
public record OrchestratorProperties(@Min(1) @Max(64) int provisionPermits, @NotNull Duration permitLease,
		@Min(1) @Max(64) int transitionWorkers, @NotNull Duration healthTimeout, @NotNull Duration healthInterval) {
}
