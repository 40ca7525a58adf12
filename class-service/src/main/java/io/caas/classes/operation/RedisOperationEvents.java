package io.caas.classes.operation;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

import org.springframework.stereotype.Component;

/** {@link OperationEvents} over a Redis channel per operation. */
@Component
class RedisOperationEvents implements OperationEvents {

	private final RedissonClient redisson;

	RedisOperationEvents(RedissonClient redisson) {
		this.redisson = redisson;
	}

	@Override
	public void changed(String operationId, long seq) {
		topic(operationId).publish(seq);
	}

	@Override
	public Subscription subscribe(String operationId, Runnable listener) {
		RTopic topic = topic(operationId);
		int id = topic.addListener(Long.class, (channel, seq) -> listener.run());
		return () -> topic.removeListener(id);
	}

	private RTopic topic(String operationId) {
		return this.redisson.getTopic("caas:operation:" + operationId + ":events", LongCodec.INSTANCE);
	}

}
