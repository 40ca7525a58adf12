package io.caas.classes.idle;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads and writes {@link IdlePolicy}; a class without one is not always-on. */
@Component
public class IdlePolicies {

	private final MongoTemplate mongo;

	IdlePolicies(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public boolean isAlwaysOn(String classId) {
		IdlePolicy policy = this.mongo.findById(classId, IdlePolicy.class);
		return policy != null && policy.alwaysOn();
	}

	public IdlePolicy set(String classId, boolean alwaysOn) {
		return this.mongo.save(new IdlePolicy(classId, alwaysOn));
	}

}
