package io.caas.classes.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.caas.classes.claim.ShortLock;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.common.error.CaasException;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Claims and releases {@link SubjectSeat}s. A seat whose section has ended, or whose
 * section moved to another subject or no longer lists the student (the teacher removed
 * them, or an enrolment died half-way) for longer than {@link #SETTLE}, is deleted as it
 * was read and claimed again by insert. FerretDB v1.24 enforces the primary key
 * atomically but applies a conditional delete as read, then delete by id: of two claims
 * taking over one stale seat, the second's delete could remove the seat the first had
 * just inserted, and both would win. So claims and releases of one seat hold a short
 * Redis lock {@code caas:seat:<subjectId>/<studentId>}.
 */
@Component
class SubjectSeats {

	private static final Logger log = LoggerFactory.getLogger(SubjectSeats.class);

	/** How long a fresh seat is trusted before its section must list the student. */
	static final Duration SETTLE = Duration.ofMinutes(1);

	private static final int ATTEMPTS = 4;

	private static final long WAIT_SECONDS = 15;

	private static final long LEASE_SECONDS = 30;

	private final MongoTemplate mongo;

	private final ClassRoomRepository classes;

	private final RedissonClient redisson;

	private final Clock clock;

	SubjectSeats(MongoTemplate mongo, ClassRoomRepository classes, RedissonClient redisson, Clock clock) {
		this.mongo = mongo;
		this.redisson = redisson;
		this.classes = classes;
		this.clock = clock;
	}

	/**
	 * Takes the student's seat in the section's subject, or answers 409
	 * {@code other-section} naming the section that holds it. Classes made before
	 * subjects existed may have none: no seat, no rule.
	 */
	void claim(ClassRoom section, String studentId) {
		if (section.subject() == null || section.subject().isBlank()) {
			return;
		}
		String id = SubjectSeat.idOf(section.subject(), studentId);
		alone(id, () -> claimLocked(section, studentId, id));
	}

	private void claimLocked(ClassRoom section, String studentId, String id) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Instant now = this.clock.instant();
			SubjectSeat wanted = new SubjectSeat(id, section.subject(), studentId, section.id(),
					section.section().endsAt(), now);
			try {
				this.mongo.insert(wanted);
				return;
			}
			catch (DuplicateKeyException ex) {
				SubjectSeat held = this.mongo.findById(id, SubjectSeat.class);
				if (held == null) {
					continue;
				}
				if (held.classId().equals(section.id())) {
					return;
				}
				if (!isStale(held, now)) {
					throw CaasException.conflict("other-section", "you are already enrolled in class '" + held.classId()
							+ "' of subject '" + section.subject() + "'; leave it before joining another");
				}
				// delete the stale seat as read, then insert ours again: of racing
				// claimers the primary key lets exactly one in
				this.mongo.remove(asRead(held), SubjectSeat.class);
				log.info("stale seat released subject={} student={} class={}", section.subject(), studentId,
						held.classId());
			}
		}
		throw busy();
	}

	/** Gives the seat back if {@code classId} holds it. */
	void release(String subjectId, String studentId, String classId) {
		String id = SubjectSeat.idOf(subjectId, studentId);
		alone(id, () -> this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("classId").is(classId)),
				SubjectSeat.class));
	}

	private void alone(String seatId, Runnable work) {
		ShortLock.holding(this.redisson.getLock("caas:seat:" + seatId), WAIT_SECONDS, LEASE_SECONDS, SubjectSeats::busy,
				ex -> new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "coordination-unavailable",
						"enrolment cannot be changed right now; try again"),
				() -> {
					work.run();
					return null;
				});
	}

	private static CaasException busy() {
		return new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "enrolment-busy",
				"your enrolment in this subject is changing right now; try again");
	}

	private boolean isStale(SubjectSeat held, Instant now) {
		if (held.hasEnded(now)) {
			return true;
		}
		if (held.claimedAt().plus(SETTLE).isAfter(now)) {
			return false;
		}
		// a class moved to another subject no longer holds its old subject's seats
		return this.classes.findById(held.classId())
			.map(c -> !c.isEnrolled(held.studentId()) || !held.subjectId().equals(c.subject()))
			.orElse(true);
	}

	private static Query asRead(SubjectSeat held) {
		return Query.query(Criteria.where("_id")
			.is(held.id())
			.and("classId")
			.is(held.classId())
			.and("claimedAt")
			.is(held.claimedAt()));
	}

}
