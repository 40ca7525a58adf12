package io.caas.classes.runtime;

/**
 * One reading of a container's resource use.
 *
 * @param cpuPercent CPU over the engine's sampling interval, in percent of one core (200
 * = two cores busy)
 * @param memoryBytes memory in use
 * @param memoryLimitBytes the container's memory limit (the host's memory without one)
 */
public record ResourceUse(double cpuPercent, long memoryBytes, long memoryLimitBytes) {

}
