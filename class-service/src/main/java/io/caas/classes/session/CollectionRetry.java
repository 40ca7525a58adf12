package io.caas.classes.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.workspace.CollectionProperties;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Retries, in the background, the close of a class whose last close failed for some
 * students: their runtimes are kept stopped, and a new DOWN collects only them (the
 * others' runtimes are gone). A close interrupted by a crash (the reconciler marks it
 * FAILED) is finished the same way. Backoff doubles from {@code retry-backoff}; after
 * {@code retry-attempts} the teacher closes again by hand. Skip rules, logged with a
 * {@code reason}:
 * <ol>
 * <li>{@code not-a-failed-close}: the last operation is not a failed DOWN (reopening the
 * class is an UP, so it stops the retries);</li>
 * <li>{@code nothing-kept}: no runtime of the class is left;</li>
 * <li>{@code backoff}: too soon after the last failure;</li>
 * <li>{@code gave-up}: retries exhausted;</li>
 * <li>{@code busy}: another operation claimed the class first.</li>
 * </ol>
 * Retry counts live in this instance's memory: a restart starts counting again.
 */
@Component
class CollectionRetry implements DisposableBean {

	static final Identity SYSTEM = new Identity("caas-retry", Set.of(Role.ADMIN));

	private static final Logger log = LoggerFactory.getLogger(CollectionRetry.class);

	private final CollectionProperties properties;

	private final ClassRoomRepository classes;

	private final OperationService operations;

	private final ContainerRuntime runtime;

	private final SessionService sessions;

	private final Clock clock;

	private final Map<String, Integer> retries = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("caas-collection-retry").daemon().factory());

	CollectionRetry(CollectionProperties properties, ClassRoomRepository classes, OperationService operations,
			ContainerRuntime runtime, SessionService sessions, Clock clock) {
		this.properties = properties;
		this.classes = classes;
		this.operations = operations;
		this.runtime = runtime;
		this.sessions = sessions;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = this.properties.retryInterval().toMillis();
		if (every > 0) {
			this.scheduler.scheduleWithFixedDelay(this::scanSafely, every, every, TimeUnit.MILLISECONDS);
		}
	}

	/** One pass over open classes; returns the classes a retry was started for. */
	List<String> scan() {
		return this.classes.findByStateIn(List.of(ClassState.OPEN))
			.stream()
			.filter(this::retry)
			.map(ClassRoom::id)
			.toList();
	}

	private boolean retry(ClassRoom room) {
		Operation last = (room.operationId() != null) ? this.operations.find(room.operationId()).orElse(null) : null;
		if (last == null || last.kind() != Transition.DOWN || last.state() != OperationState.FAILED) {
			this.retries.remove(room.id());
			return skip(room, "not-a-failed-close", false);
		}
		if (this.runtime.list(Labels.classSelector(room.id())).isEmpty()) {
			return skip(room, "nothing-kept", false);
		}
		int done = this.retries.getOrDefault(room.id(), 0);
		if (done >= this.properties.retryAttempts()) {
			return skip(room, "gave-up", false);
		}
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(done, 16));
		Instant finished = (last.finishedAt() != null) ? last.finishedAt() : last.startedAt();
		if (this.clock.instant().isBefore(finished.plus(wait))) {
			return skip(room, "backoff", false);
		}
		try {
			String operationId = this.sessions.retryDown(room, SYSTEM);
			this.retries.put(room.id(), done + 1);
			log.info("collection retry started classId={} operationId={} retry={} of {}", room.id(), operationId,
					done + 1, this.properties.retryAttempts());
			return true;
		}
		catch (RuntimeException ex) {
			return skip(room, "busy", true);
		}
	}

	private boolean skip(ClassRoom room, String reason, boolean loud) {
		if (loud) {
			log.info("collection retry skipped classId={} reason={}", room.id(), reason);
		}
		return false;
	}

	private void scanSafely() {
		try {
			scan();
		}
		catch (RuntimeException ex) {
			log.warn("collection retry pass failed reason={}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
