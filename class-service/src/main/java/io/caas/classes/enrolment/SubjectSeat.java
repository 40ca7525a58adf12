package io.caas.classes.enrolment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student's one seat in a subject: which section they chose. The id is
 * {@code <subjectId>/<studentId>}, so inserting a second seat for the same pair fails
 * atomically on the primary key; that is how two simultaneous enrolments of one student
 * in two sections of a subject cannot both win.
 *
 * @param id {@code <subjectId>/<studentId>}
 * @param classId the section holding the seat
 * @param until when that section stops being active (its schedule's end), or null
 * @param claimedAt when the seat was taken
 */
@Document("subjectSeats")
record SubjectSeat(@Id String id, String subjectId, String studentId, String classId, Instant until,
		Instant claimedAt) {

	static String idOf(String subjectId, String studentId) {
		return subjectId + "/" + studentId;
	}

	boolean hasEnded(Instant now) {
		return this.until != null && !this.until.isAfter(now);
	}

}
