package io.caas.classes.session;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import org.springframework.stereotype.Component;

/**
 * One Redis lock per class ({@code caas:class:<id>:lock}), held by whoever touches its
 * containers: a transition worker for its whole run, the reconciler while it heals.
 */
@Component
public class ClassLocks {

	private final RedissonClient redisson;

	ClassLocks(RedissonClient redisson) {
		this.redisson = redisson;
	}

	public RLock of(String classId) {
		return this.redisson.getLock("caas:class:" + classId + ":lock");
	}

}
