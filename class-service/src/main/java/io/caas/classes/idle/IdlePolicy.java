package io.caas.classes.idle;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A class's idle setting (collection {@code class_idle}): always-on classes never have
 * their runtimes stopped for idleness.
 */
@Document("class_idle")
public record IdlePolicy(@Id String classId, boolean alwaysOn) {
}
