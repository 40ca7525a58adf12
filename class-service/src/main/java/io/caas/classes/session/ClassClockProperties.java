package io.caas.classes.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Classes opened and closed by the clock.
 *
 * @param maxOpen a class open longer than this is closed automatically (collected first,
 * like any close); zero never closes one
 * @param openLead a scheduled class opens this long before its start
 * @param scheduleInterval how often schedules and open classes are checked; zero turns
 * the clock off
 */
@ConfigurationProperties("caas.classes")
public record ClassClockProperties(@DefaultValue("8h") Duration maxOpen, @DefaultValue("5m") Duration openLead,
		@DefaultValue("30s") Duration scheduleInterval) {

	public ClassClockProperties {
		maxOpen = (maxOpen != null) ? maxOpen : Duration.ofHours(8);
		openLead = (openLead != null) ? openLead : Duration.ofMinutes(5);
		scheduleInterval = (scheduleInterval != null) ? scheduleInterval : Duration.ofSeconds(30);
	}

}
