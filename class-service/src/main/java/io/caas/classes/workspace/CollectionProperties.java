package io.caas.classes.workspace;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a close collects workspaces and what happens to students whose collection failed.
 *
 * @param stopGrace how long a runtime may take to stop before the snapshot
 * ({@code CAAS_COLLECTION_STOP_GRACE})
 * @param keepAttempts complete attempts kept per student and session, newest first; 0
 * keeps all ({@code CAAS_COLLECTION_KEEP_ATTEMPTS}). Never applied to the attempt being
 * written.
 * @param retryInterval how often failed collections are looked for; ≤ 0 disables the
 * background retry ({@code CAAS_COLLECTION_RETRY_INTERVAL})
 * @param retryBackoff wait before the first retry, doubled after each failure
 * ({@code CAAS_COLLECTION_RETRY_BACKOFF})
 * @param retryAttempts background retries per failed close before the teacher has to
 * close again ({@code CAAS_COLLECTION_RETRY_ATTEMPTS})
 */
@Validated
@ConfigurationProperties("caas.collection")
public record CollectionProperties(@DefaultValue("10s") @NotNull Duration stopGrace,
		@DefaultValue("0") @Min(0) int keepAttempts, @DefaultValue("15s") @NotNull Duration retryInterval,
		@DefaultValue("30s") @NotNull Duration retryBackoff, @DefaultValue("5") @Min(0) int retryAttempts) {

	/** Defaults, for code that is not bound from configuration. */
	public static CollectionProperties defaults() {
		return new CollectionProperties(Duration.ofSeconds(10), 0, Duration.ofSeconds(15), Duration.ofSeconds(30), 5);
	}

}
