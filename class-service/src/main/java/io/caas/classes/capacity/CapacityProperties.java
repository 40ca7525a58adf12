package io.caas.classes.capacity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Capacity admission.
 *
 * @param reserve host memory never given to runtimes (services, engine, kernel)
 * @param hostMemory the host's memory; zero asks the engine (Docker {@code info}
 * MemTotal)
 */
@ConfigurationProperties("caas.capacity")
public record CapacityProperties(@DefaultValue("2GB") DataSize reserve, @DefaultValue("0B") DataSize hostMemory) {

	public CapacityProperties {
		reserve = (reserve != null) ? reserve : DataSize.ofGigabytes(2);
		hostMemory = (hostMemory != null) ? hostMemory : DataSize.ofBytes(0);
	}

}
