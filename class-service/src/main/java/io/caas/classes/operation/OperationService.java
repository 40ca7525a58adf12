package io.caas.classes.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.caas.classes.operation.Operation.Progress;
import io.caas.classes.operation.Operation.StudentProgress;
import io.caas.classes.lifecycle.Transition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.springframework.stereotype.Service;

/** Creates, finds and records operations. */
@Service
public class OperationService {

	private static final Logger log = LoggerFactory.getLogger(OperationService.class);

	static final String HEARTBEATS = "operationHeartbeats";

	private static final String BEAT_AT = "at";

	/**
	 * Each write is the whole operation (40 students' steps), which FerretDB rewrites as
	 * one document: ~10 ms of its CPU (session 10: 225 writes, 3.8 CPU-s, in one open of
	 * 40 at 250 ms). People read progress; once a second is enough.
	 */
	private static final Duration OPEN_PROGRESS_INTERVAL = Duration.ofSeconds(1);

	private final OperationRepository operations;

	private final MongoTemplate mongo;

	private final OperationEvents events;

	private final Clock clock;

	OperationService(OperationRepository operations, MongoTemplate mongo, OperationEvents events, Clock clock) {
		this.operations = operations;
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

	/** A RUNNING operation with every student PENDING. */
	public Operation start(String id, Transition kind, String classId, String sessionId, List<String> students,
			String requestedBy) {
		return start(id, kind, classId, sessionId, students, requestedBy, null);
	}

	/**
	 * The same, with why it was started (an automatic close says so); the message stays
	 * in front of whatever the operation ends with.
	 */
	public Operation start(String id, Transition kind, String classId, String sessionId, List<String> students,
			String requestedBy, String message) {
		List<StudentProgress> pending = students.stream().map(StudentProgress::pending).toList();
		return this.operations.insert(new Operation(id, kind, classId, sessionId, OperationState.RUNNING, message,
				requestedBy, this.clock.instant(), null, pending, Progress.of(pending), 0));
	}

	/** An operation that had nothing to do, already SUCCEEDED. */
	public Operation noOp(Transition kind, String classId, String sessionId, String requestedBy, String message) {
		return this.operations.insert(new Operation(newId(), kind, classId, sessionId, OperationState.SUCCEEDED,
				message, requestedBy, this.clock.instant(), this.clock.instant(), List.of(), new Progress(0, 0), 0));
	}

	public Optional<Operation> find(String id) {
		return this.operations.findById(id);
	}

	public List<Operation> running() {
		return this.operations.findByState(OperationState.RUNNING);
	}

	/**
	 * A tracker whose changes are saved, then announced: every change of a close or a
	 * reset (recovery reads their steps), an open's progress at most every
	 * {@link #OPEN_PROGRESS_INTERVAL} ({@link CoalescedProgress}); the end at once.
	 */
	public OperationTracker track(Operation operation) {
		Consumer<Operation> sink = (operation.kind() == Transition.UP)
				? new CoalescedProgress(this::record, OPEN_PROGRESS_INTERVAL) : this::record;
		return new OperationTracker(operation, this.clock, sink);
	}

	/** Ends a RUNNING operation nobody is running anymore. */
	public void abandon(Operation operation, String reason) {
		if (operation.isRunning()) {
			track(operation).finish(reason);
		}
	}

	/** Whether an operation of the class started after {@code since}. */
	public boolean anyStartedAfter(String classId, Instant since) {
		return this.mongo.exists(Query.query(Criteria.where("classId").is(classId).and("startedAt").gt(since)),
				Operation.class);
	}

	/**
	 * Marks the operation's owner alive now. The beat is a document of its own
	 * ({@value #HEARTBEATS}), never a field of the operation: a store that applies an
	 * update by reading and writing back the whole document (FerretDB) could otherwise
	 * put back, with the beat, a copy read just before the operation's last write (seen
	 * in CI: a close's SUCCEEDED overwritten by its RUNNING step, 2026-11-27).
	 */
	public void heartbeat(String operationId) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(operationId)),
				new Update().set(BEAT_AT, this.clock.instant()), HEARTBEATS);
	}

	/** Whether the operation's owner beat its heartbeat after {@code since}. */
	public boolean ownerAliveSince(String operationId, Instant since) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(operationId).and(BEAT_AT).gt(since)), HEARTBEATS);
	}

	/**
	 * Writes a newer snapshot only over an older one of a RUNNING operation: a stale copy
	 * (a lower {@code seq}) never overwrites a newer one, and nothing changes a finished
	 * operation.
	 */
	private void record(Operation operation) {
		try {
			Query newer = Query.query(Criteria.where("_id")
				.is(operation.id())
				.and("state")
				.is(OperationState.RUNNING)
				.and("seq")
				.lt(operation.seq()));
			Document fields = new Document();
			this.mongo.getConverter().write(operation, fields);
			fields.remove("_id");
			fields.remove("_class");
			Update update = new Update();
			fields.forEach(update::set);
			if (this.mongo.updateFirst(newer, update, Operation.class).getModifiedCount() == 0) {
				log.warn("operation write refused operationId={} seq={} reason=stale-or-finished", operation.id(),
						operation.seq());
				return;
			}
			this.events.changed(operation.id(), operation.seq());
			if (!operation.isRunning()) {
				this.mongo.remove(Query.query(Criteria.where("_id").is(operation.id())), HEARTBEATS);
			}
		}
		catch (RuntimeException ex) {
			// the orchestration goes on; readers catch up with the next change that is
			// saved
			log.warn("operation not recorded operationId={} seq={} reason={}", operation.id(), operation.seq(),
					ex.toString());
		}
	}

}
