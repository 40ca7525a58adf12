package io.caas.classes.roster;

import java.time.Instant;
import java.util.List;

import io.caas.classes.lifecycle.ClassState;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A class: its roster and where its session stands. State changes go through conditional
 * updates ({@code ClassStates}, {@code RosterService}), never a blind save.
 *
 * @param id the class id, also in hostnames and names
 * @param teacher username of the owning teacher
 * @param students roster, ordered and unique
 * @param sessionId the current session when open, the last one when closed
 * @param operationId the last operation started on this class
 * @param section capacity, self-enrolment, schedule and carry-over; never null
 */
@Document("classes")
public record ClassRoom(@Id String id, String name, String subject, String templateId, @Indexed String teacher,
		@Indexed List<String> students, ClassState state, String sessionId, String operationId, Instant updatedAt,
		@Version Long version, Section section) {

	@PersistenceCreator
	public ClassRoom {
		students = (students != null) ? List.copyOf(students) : List.of();
		section = (section != null) ? section : Section.NONE;
	}

	/** A class without section settings: no capacity, no self-enrolment, no schedule. */
	public ClassRoom(String id, String name, String subject, String templateId, String teacher, List<String> students,
			ClassState state, String sessionId, String operationId, Instant updatedAt, Long version) {
		this(id, name, subject, templateId, teacher, students, state, sessionId, operationId, updatedAt, version,
				Section.NONE);
	}

	public ClassRoom withVersion(Long version) {
		return new ClassRoom(this.id, this.name, this.subject, this.templateId, this.teacher, this.students, this.state,
				this.sessionId, this.operationId, this.updatedAt, version, this.section);
	}

	public boolean isEnrolled(String studentId) {
		return this.students.contains(studentId);
	}

}
