package io.caas.classes.subject;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a school teaches, e.g. {@code cs}; class sections belong to one.
 *
 * @param id the subject id, same rule as class ids
 * @param name how people call it
 * @param description optional longer text
 * @param updatedAt when it was created or last renamed
 */
@Document("subjects")
public record Subject(@Id String id, String name, String description, Instant updatedAt) {

}
