package io.caas.classes.preview;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.RosterLock;
import io.caas.classes.routing.IdeUrls;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Port sharing: a student (or their teacher, or an admin) shares a port of the student's
 * runtime, which then answers at {@code <classId>-<studentId>-p<port>} to the same people
 * as the IDE. Only ports a student's own process can listen on (1024 and up) and never
 * the IDE's own port; at most {@link #MAX_PER_STUDENT} per student and class. A share
 * checks the roster and the count and inserts under the class's roster lock: FerretDB
 * gives a count and an insert no isolation, so simultaneous shares could otherwise pass
 * the limit together (and a share could race the student leaving).
 */
@Service
public class PortShares {

	static final int MIN_PORT = 1024;

	static final int MAX_PORT = 65535;

	static final int MAX_PER_STUDENT = 10;

	private static final Logger log = LoggerFactory.getLogger(PortShares.class);

	private final PortShareRepository shares;

	private final ClassAccess access;

	private final TemplateCatalog templates;

	private final IdeUrls urls;

	private final RosterLock rosterLock;

	private final Clock clock;

	PortShares(PortShareRepository shares, ClassAccess access, TemplateCatalog templates, IdeUrls urls,
			RosterLock rosterLock, Clock clock) {
		this.shares = shares;
		this.rosterLock = rosterLock;
		this.access = access;
		this.templates = templates;
		this.urls = urls;
		this.clock = clock;
	}

	List<PortShareView> list(Identity who, String classId, String studentId) {
		allowed(who, classId, studentId, false);
		return this.shares.findByClassIdAndStudentIdOrderByPort(classId, studentId).stream().map(this::view).toList();
	}

	/**
	 * The share, and whether this call made it (a second share of a port is no change).
	 */
	Shared share(Identity who, String classId, String studentId, SharePortRequest request) {
		// checked before the lock too, so nobody ties up the roster lock of a class they
		// may not touch; checked again under it, with the count
		allowed(who, classId, studentId, true);
		return this.rosterLock.withLock(classId, () -> shareLocked(who, classId, studentId, request));
	}

	private Shared shareLocked(Identity who, String classId, String studentId, SharePortRequest request) {
		ClassRoom room = allowed(who, classId, studentId, true);
		int port = validPort(room, (request == null) ? null : request.port());
		Optional<PortShare> existing = this.shares.findById(PortShare.idOf(classId, studentId, port));
		if (existing.isPresent()) {
			return new Shared(view(existing.get()), false);
		}
		if (this.shares.countByClassIdAndStudentId(classId, studentId) >= MAX_PER_STUDENT) {
			throw CaasException.conflict("too-many-shared-ports", studentId + " already shares " + MAX_PER_STUDENT
					+ " ports in " + classId + "; stop sharing one first");
		}
		try {
			PortShare share = this.shares
				.insert(PortShare.of(classId, studentId, port, who.username(), this.clock.instant()));
			log.info("port shared classId={} studentId={} port={} by={}", classId, studentId, port, who.username());
			return new Shared(view(share), true);
		}
		catch (DuplicateKeyException ex) {
			return new Shared(view(this.shares.findById(PortShare.idOf(classId, studentId, port)).orElseThrow()),
					false);
		}
	}

	void unshare(Identity who, String classId, String studentId, int port) {
		allowed(who, classId, studentId, false);
		String id = PortShare.idOf(classId, studentId, port);
		if (!this.shares.existsById(id)) {
			throw CaasException.notFound("shared port", Integer.toString(port));
		}
		this.shares.deleteById(id);
		log.info("port unshared classId={} studentId={} port={} by={}", classId, studentId, port, who.username());
	}

	/** Whether the port is shared (what the preview pages ask). */
	public boolean isShared(String classId, String studentId, int port) {
		return this.shares.existsById(PortShare.idOf(classId, studentId, port));
	}

	/**
	 * The class, if {@code who} may manage this student's ports: that student, the
	 * class's teacher or an admin. Another student gets 403; a class they may not see,
	 * 404. A share needs the student on the roster; the teacher or an admin may still
	 * list and remove the shares of a student who left (they are not routed meanwhile).
	 */
	private ClassRoom allowed(Identity who, String classId, String studentId, boolean mustBeEnrolled) {
		ClassRoom room = this.access.visible(who, classId);
		boolean manages = ClassAccess.seesRoster(who, room);
		if (!manages && !(who.has(Role.STUDENT) && who.username().equals(studentId))) {
			throw CaasException
				.forbidden("Only " + studentId + ", the teacher of " + classId + " and admins manage these ports");
		}
		if (!room.isEnrolled(studentId) && (mustBeEnrolled || !manages)) {
			throw CaasException.notFound("student of class " + classId, studentId);
		}
		return room;
	}

	private int validPort(ClassRoom room, Integer port) {
		if (port == null) {
			throw CaasException.badRequest("port-required", "Give the port to share, e.g. {\"port\": 3000}");
		}
		if (port < MIN_PORT || port > MAX_PORT) {
			throw CaasException.badRequest("port-out-of-range",
					"A shared port is between " + MIN_PORT + " and " + MAX_PORT + "; " + port + " is not");
		}
		if (this.templates.find(room.templateId()).map(t -> t.port() == port).orElse(false)) {
			throw CaasException.badRequest("port-reserved", "Port " + port + " is the IDE itself; share another");
		}
		return port;
	}

	private PortShareView view(PortShare share) {
		return new PortShareView(share.port(), this.urls.preview(share.classId(), share.studentId(), share.port()),
				share.sharedBy(), share.sharedAt());
	}

	record Shared(PortShareView view, boolean created) {
	}

}
