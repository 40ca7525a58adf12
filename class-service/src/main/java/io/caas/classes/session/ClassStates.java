package io.caas.classes.session;

import java.time.Clock;
import java.util.Optional;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomUpdates;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Conditional state changes of a class. Each is one findAndModify whose filter is the
 * precondition; two instances racing for the same class are kept apart by the claim and
 * roster locks (SessionService), not by the store alone: FerretDB v1.24 applies a
 * conditional update by reading and writing back the whole document without isolation.
 */
@Component
public class ClassStates {

	private final MongoTemplate mongo;

	private final ClassRoomUpdates updates;

	private final Clock clock;

	ClassStates(MongoTemplate mongo, ClassRoomUpdates updates, Clock clock) {
		this.mongo = mongo;
		this.updates = updates;
		this.clock = clock;
	}

	/**
	 * Moves the class from {@code expected} to {@code target}, owned by the operation.
	 */
	Optional<ClassRoom> claim(String classId, ClassState expected, ClassState target, String operationId,
			String sessionId) {
		Query query = Query.query(Criteria.where("_id").is(classId).and("state").is(expected));
		Update update = touch().set("state", target).set("operationId", operationId).set("sessionId", sessionId);
		return this.updates.updateIf(query, update);
	}

	/**
	 * Ends the transition of {@code operationId}: no effect if another operation owns the
	 * class or the transition already ended.
	 */
	public boolean settle(String classId, String operationId, ClassState state) {
		Query query = Query.query(Criteria.where("_id")
			.is(classId)
			.and("operationId")
			.is(operationId)
			.and("state")
			.in(ClassState.OPENING, ClassState.CLOSING));
		return this.mongo.updateFirst(query, touch().set("state", state), ClassRoom.class).getModifiedCount() > 0;
	}

	/**
	 * Heals a class stuck in {@code stuck} by {@code operationId} (null: by no
	 * operation); no effect once anything else changed it.
	 */
	public boolean heal(String classId, ClassState stuck, String operationId, ClassState state) {
		Query query = Query
			.query(Criteria.where("_id").is(classId).and("state").is(stuck).and("operationId").is(operationId));
		return this.mongo.updateFirst(query, touch().set("state", state), ClassRoom.class).getModifiedCount() > 0;
	}

	private Update touch() {
		return new Update().set("updatedAt", this.clock.instant()).inc("version", 1);
	}

}
