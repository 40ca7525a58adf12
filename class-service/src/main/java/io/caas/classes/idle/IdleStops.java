package io.caas.classes.idle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.caas.classes.runtime.RuntimeContainer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Which runtimes are stopped for idleness (collection {@code idle_stops}). */
@Component
public class IdleStops {

	private final MongoTemplate mongo;

	IdleStops(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void mark(String classId, String studentId, String containerId, Instant at, String idleFor) {
		this.mongo.save(new IdleStop(containerId, classId, studentId, at, idleFor));
	}

	public void clear(String containerId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(containerId)), IdleStop.class);
	}

	public Optional<IdleStop> find(String containerId) {
		return Optional.ofNullable(this.mongo.findById(containerId, IdleStop.class));
	}

	public List<IdleStop> ofClass(String classId) {
		return this.mongo.find(Query.query(Criteria.where("classId").is(classId)), IdleStop.class);
	}

	/** Stopped, and stopped by us for idleness (not a crash, not a close). */
	public boolean isIdleStopped(RuntimeContainer container) {
		return container.state() == RuntimeContainer.State.EXITED && find(container.id()).isPresent();
	}

}
