package io.caas.classes.preview;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A port one student shared: {@code <classId>-<studentId>-p<port>} is routed to it while
 * the class is open and the runtime runs. The id makes a second share of the same port
 * the same document.
 *
 * @param id {@code <classId>/<studentId>/<port>}
 * @param sharedBy who shared it (the student, their teacher or an admin)
 */
@Document("port_shares")
public record PortShare(@Id String id, @Indexed String classId, String studentId, int port, String sharedBy,
		Instant sharedAt) {

	static PortShare of(String classId, String studentId, int port, String sharedBy, Instant now) {
		return new PortShare(idOf(classId, studentId, port), classId, studentId, port, sharedBy, now);
	}

	static String idOf(String classId, String studentId, int port) {
		return classId + "/" + studentId + "/" + port;
	}

}
