package io.caas.classes.idle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idle stop and wake.
 *
 * @param checkInterval how often every open runtime's heartbeat is read (one HTTP GET of
 * {@code /healthz} through the edge each, never an exec); zero turns idle stop off
 * @param wakeInterval a stopped runtime's host starts it at most once per this interval,
 * however many requests arrive
 */
@ConfigurationProperties("caas.idle")
public record IdleProperties(@DefaultValue("60s") Duration checkInterval, @DefaultValue("10s") Duration wakeInterval) {

	public IdleProperties {
		checkInterval = (checkInterval != null) ? checkInterval : Duration.ofSeconds(60);
		wakeInterval = (wakeInterval != null) ? wakeInterval : Duration.ofSeconds(10);
	}

}
