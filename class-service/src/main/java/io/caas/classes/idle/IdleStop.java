package io.caas.classes.idle;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A runtime stopped because nobody used it: kept (workspace and all), left stopped by the
 * reconciler, started again by the next request to its IDE host.
 *
 * @param containerId the stopped container; a new container never matches an old record
 * @param idleFor how long it had been idle when it was stopped
 */
@Document("idle_stops")
public record IdleStop(@Id String containerId, @Indexed String classId, String studentId, Instant stoppedAt,
		String idleFor) {
}
