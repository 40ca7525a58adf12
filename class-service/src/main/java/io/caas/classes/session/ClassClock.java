package io.caas.classes.session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens scheduled classes shortly before they start and closes them when they end, and
 * closes classes left open longer than {@code caas.classes.max-open} ({@link ClockRule}).
 * A close is an ordinary DOWN (every workspace collected and verified first) whose
 * operation message says why. One instance at a time acts (Redis lock
 * {@code caas:class-clock:lock}); a class whose last close failed is left to
 * {@link CollectionRetry}.
 */
@Component
class ClassClock implements DisposableBean {

	static final Identity SYSTEM = new Identity("caas-clock", Set.of(Role.ADMIN));

	private static final Logger log = LoggerFactory.getLogger(ClassClock.class);

	private final ClassClockProperties properties;

	private final ClassRoomRepository classes;

	private final OperationService operations;

	private final SessionService sessions;

	private final RedissonClient redisson;

	private final Clock clock;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("caas-class-clock").daemon().factory());

	ClassClock(ClassClockProperties properties, ClassRoomRepository classes, OperationService operations,
			SessionService sessions, RedissonClient redisson, Clock clock) {
		this.properties = properties;
		this.classes = classes;
		this.operations = operations;
		this.sessions = sessions;
		this.redisson = redisson;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = this.properties.scheduleInterval().toMillis();
		if (every > 0) {
			this.scheduler.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
		}
	}

	/** One pass, if no other instance is running one; the classes acted on. */
	List<String> tick() {
		RLock lock = this.redisson.getLock("caas:class-clock:lock");
		if (!lock.tryLock()) {
			return List.of();
		}
		try {
			List<String> acted = new ArrayList<>();
			for (ClassRoom room : this.classes.findByStateIn(List.of(ClassState.OPEN, ClassState.CLOSED))) {
				ClockRule.Action action = ClockRule.decide(
						new ClockRule.Facts(room.state(), SessionIds.startedAt(room.sessionId()).orElse(null),
								room.section().schedule()),
						this.clock.instant(), this.properties.maxOpen(), this.properties.openLead());
				if (action.transition() != null && !leftToRetry(room, action) && act(room, action)) {
					acted.add(room.id());
				}
			}
			return acted;
		}
		finally {
			lock.unlock();
		}
	}

	private boolean leftToRetry(ClassRoom room, ClockRule.Action action) {
		return action.transition() == Transition.DOWN && room.operationId() != null
				&& this.operations.find(room.operationId())
					.filter(o -> o.kind() == Transition.DOWN && o.state() == OperationState.FAILED)
					.isPresent();
	}

	private boolean act(ClassRoom room, ClockRule.Action action) {
		try {
			String operationId = this.sessions.requestAutomatically(room, SYSTEM, action.transition(), action.reason());
			log.info("class clock acted classId={} operationId={} kind={} reason={}", room.id(), operationId,
					action.transition(), action.reason());
			return true;
		}
		catch (RuntimeException ex) {
			log.info("class clock skipped classId={} kind={} reason={}", room.id(), action.transition(),
					ex.getMessage());
			return false;
		}
	}

	private void tickSafely() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			log.warn("class clock pass failed reason={}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
