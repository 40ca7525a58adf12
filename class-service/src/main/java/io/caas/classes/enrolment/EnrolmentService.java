package io.caas.classes.enrolment;

import java.time.Clock;
import java.util.List;

import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.roster.ClassRoomUpdates;
import io.caas.classes.roster.ClassRosterChanged;
import io.caas.classes.roster.RosterLock;
import io.caas.classes.lifecycle.ClassState;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Students joining and leaving sections that allow it. Both rules hold without
 * transactions: the subject seat (one per student and subject, a primary key) is taken
 * first, then the student is pushed onto the roster by one conditional update whose
 * filter says "self-enrolment on, not transitioning, student absent, seat number
 * {@code capacity} empty" — so of 40 simultaneous joins to 30 seats exactly 30 match. A
 * join that fails gives its seat back.
 */
@Service
class EnrolmentService {

	private static final Logger log = LoggerFactory.getLogger(EnrolmentService.class);

	private final ClassRoomRepository classes;

	private final ClassRoomUpdates updates;

	private final SubjectSeats seats;

	private final RosterLock lock;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	EnrolmentService(ClassRoomRepository classes, ClassRoomUpdates updates, SubjectSeats seats, RosterLock lock,
			Clock clock, ApplicationEventPublisher events) {
		this.classes = classes;
		this.updates = updates;
		this.seats = seats;
		this.lock = lock;
		this.clock = clock;
		this.events = events;
	}

	/** Sections a student may join now: self-enrolment on, schedule not over. */
	List<ClassRoom> joinable(Identity who) {
		return this.classes.findSelfEnrol().stream().filter(c -> !c.section().hasEnded(this.clock.instant())).toList();
	}

	ClassRoom join(Identity who, String classId) {
		Require.anyOf(who, Role.STUDENT);
		String student = who.username();
		ClassRoom room = find(who, classId);
		if (room.isEnrolled(student)) {
			return room;
		}
		refuseUnlessOpenForEnrolment(room);
		this.seats.claim(room, student);
		try {
			refuseIfInOtherSection(room, student);
			ClassRoom joined = this.lock.withLock(classId, () -> push(classId, student));
			log.info("student enrolled classId={} student={} enrolled={}", classId, student, joined.students().size());
			this.events.publishEvent(new ClassRosterChanged(classId));
			return joined;
		}
		catch (RuntimeException ex) {
			giveSeatBackUnlessEnrolled(room, student, ex);
			throw ex;
		}
	}

	/**
	 * After a failed join: the seat goes back unless the student got in after all. If
	 * that fails too (Redis or the store), the join's own problem is still the answer;
	 * the seat is then stale after SubjectSeats.SETTLE and taken over by the next claim.
	 */
	private void giveSeatBackUnlessEnrolled(ClassRoom room, String student, RuntimeException failure) {
		try {
			if (!this.classes.findById(room.id()).map(c -> c.isEnrolled(student)).orElse(false)) {
				this.seats.release(room.subject(), student, room.id());
			}
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
			log.warn("seat not given back after a failed join classId={} student={}: {}", room.id(), student,
					ex.getMessage());
		}
	}

	void leave(Identity who, String classId) {
		Require.anyOf(who, Role.STUDENT);
		String student = who.username();
		ClassRoom room = find(who, classId);
		if (!room.section().selfEnrol()) {
			throw CaasException.forbidden("class '" + classId + "' does not allow leaving it; ask its teacher");
		}
		this.lock.withLock(classId, () -> pull(who, classId, student));
		this.seats.release(room.subject(), student, classId);
		log.info("student left classId={} student={}", classId, student);
	}

	/** Under the roster lock: read, check, add, and read back. */
	private ClassRoom push(String classId, String student) {
		ClassRoom room = this.classes.findById(classId).orElseThrow(() -> notFound(classId));
		if (room.isEnrolled(student)) {
			return room;
		}
		refuseUnlessOpenForEnrolment(room);
		Criteria filter = settled(classId).and("section.selfEnrol").is(true).and("students").ne(student);
		Integer capacity = room.section().capacity();
		if (capacity != null) {
			filter = filter.and("section.capacity").is(capacity).and("students." + (capacity - 1)).exists(false);
		}
		this.updates.updateIf(Query.query(filter), touch().addToSet("students", student));
		return this.classes.findById(classId).filter(c -> c.isEnrolled(student)).orElseThrow(() -> busy(classId));
	}

	/** Under the roster lock: remove the student, unless a transition owns the class. */
	private boolean pull(Identity who, String classId, String student) {
		Query enrolled = Query.query(settled(classId).and("students").is(student));
		this.updates.updateIf(enrolled, touch().pull("students", student));
		if (find(who, classId).isEnrolled(student)) {
			throw busy(classId);
		}
		return true;
	}

	/** A teacher may have put the student in another section without a seat. */
	private void refuseIfInOtherSection(ClassRoom room, String student) {
		this.classes.findSectionsWithAny(room.subject(), room.id(), List.of(student))
			.stream()
			.filter(c -> !c.section().hasEnded(this.clock.instant()))
			.findFirst()
			.ifPresent(other -> {
				throw CaasException.conflict("other-section", "you are already enrolled in class '" + other.id()
						+ "' of subject '" + room.subject() + "'; leave it before joining another");
			});
	}

	private void refuseUnlessOpenForEnrolment(ClassRoom room) {
		if (!room.section().selfEnrol()) {
			throw CaasException.forbidden("class '" + room.id() + "' does not take enrolments; ask its teacher");
		}
		if (room.section().hasEnded(this.clock.instant())) {
			throw CaasException.conflict("class-ended", "class '" + room.id() + "' has ended");
		}
		if (room.state() != null && room.state().isTransient()) {
			throw busy(room.id());
		}
		Integer capacity = room.section().capacity();
		if (capacity != null && room.students().size() >= capacity) {
			throw full(room);
		}
	}

	/** A student may look at a class they are in or one open for enrolment. */
	private ClassRoom find(Identity who, String classId) {
		return this.classes.findById(classId)
			.filter(c -> c.isEnrolled(who.username()) || c.section().selfEnrol())
			.orElseThrow(() -> notFound(classId));
	}

	private Criteria settled(String classId) {
		return Criteria.where("_id").is(classId).and("state").in(ClassState.CLOSED, ClassState.OPEN);
	}

	private Update touch() {
		return new Update().set("updatedAt", this.clock.instant()).inc("version", 1);
	}

	private static CaasException full(ClassRoom room) {
		return CaasException.conflict("class-full",
				"class '" + room.id() + "' is full (" + room.section().capacity() + " seats)");
	}

	private static CaasException busy(String classId) {
		return CaasException.conflict("class-busy", "class '" + classId + "' is opening or closing; try again later");
	}

	private static CaasException notFound(String classId) {
		return CaasException.notFound("class", classId);
	}

}
