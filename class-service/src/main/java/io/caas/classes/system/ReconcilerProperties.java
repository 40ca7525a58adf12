package io.caas.classes.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The background job that heals classes a crash left half-way.
 *
 * @param interval time between passes after the one at boot; zero or negative disables
 * the periodic passes (the boot pass always runs)
 * @param grace how old a RUNNING operation must be before it may be called interrupted
 * (covers the moment between accepting a request and its worker taking the class lock)
 */
@Validated
@ConfigurationProperties("caas.reconciler")
record ReconcilerProperties(@NotNull Duration interval, @NotNull Duration grace) {
}
