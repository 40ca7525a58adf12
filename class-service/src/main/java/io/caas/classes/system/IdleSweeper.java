package io.caas.classes.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.caas.classes.idle.HeartbeatProbe;
import io.caas.classes.idle.IdlePolicies;
import io.caas.classes.idle.IdleProperties;
import io.caas.classes.idle.IdleRule;
import io.caas.classes.idle.IdleStop;
import io.caas.classes.idle.IdleStops;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.session.ClassLocks;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
import io.caas.classes.workspace.CollectionProperties;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stops runtimes nobody uses: every {@code caas.idle.check-interval}, for each OPEN class
 * that is not always-on, each running runtime's heartbeat is read through the edge
 * ({@link HeartbeatProbe}) and a runtime idle past its template's {@code idleTimeout}
 * ({@link IdleRule}) is stopped (not removed) and recorded ({@link IdleStops}), so the
 * reconciler leaves it stopped and its IDE host starts it again. One instance sweeps at a
 * time (Redis lock {@code caas:idle-sweeper:lock}); a class locked by a transition is
 * skipped. When a runtime was first seen running lives in this instance's memory: after a
 * restart the idle clock of a never-used IDE starts again (it is never stopped early).
 */
@Component
class IdleSweeper implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IdleSweeper.class);

	private final IdleProperties properties;

	private final ClassRoomRepository classes;

	private final TemplateCatalog templates;

	private final ContainerRuntime runtime;

	private final HeartbeatProbe probe;

	private final IdleStops stops;

	private final IdlePolicies policies;

	private final ClassLocks locks;

	private final RedissonClient redisson;

	private final Duration stopGrace;

	private final Clock clock;

	private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("caas-idle-sweeper").daemon().factory());

	IdleSweeper(IdleProperties properties, ClassRoomRepository classes, TemplateCatalog templates,
			ContainerRuntime runtime, HeartbeatProbe probe, IdleStops stops, IdlePolicies policies, ClassLocks locks,
			RedissonClient redisson, CollectionProperties collection, Clock clock) {
		this.properties = properties;
		this.classes = classes;
		this.templates = templates;
		this.runtime = runtime;
		this.probe = probe;
		this.stops = stops;
		this.policies = policies;
		this.locks = locks;
		this.redisson = redisson;
		this.stopGrace = collection.stopGrace();
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = this.properties.checkInterval().toMillis();
		if (every > 0) {
			this.scheduler.scheduleWithFixedDelay(this::sweepSafely, every, every, TimeUnit.MILLISECONDS);
		}
	}

	/** One pass, unless another instance runs one; the containers it stopped. */
	List<String> sweep() {
		RLock global = this.redisson.getLock("caas:idle-sweeper:lock");
		if (!global.tryLock()) {
			return List.of();
		}
		try {
			List<String> stopped = new ArrayList<>();
			for (ClassRoom room : this.classes.findByStateIn(List.of(ClassState.OPEN))) {
				if (!this.policies.isAlwaysOn(room.id())) {
					sweepClass(room, stopped);
				}
			}
			return stopped;
		}
		finally {
			global.unlock();
		}
	}

	private void sweepClass(ClassRoom room, List<String> stopped) {
		RLock lock = this.locks.of(room.id());
		if (!lock.tryLock()) {
			return;
		}
		try {
			List<RuntimeContainer> containers = this.runtime.list(Labels.classSelector(room.id()));
			forgetStale(room.id(), containers);
			for (RuntimeContainer c : containers) {
				if (c.state() == RuntimeContainer.State.RUNNING && stopIfIdle(room, c)) {
					stopped.add(c.name());
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("idle sweep failed classId={} reason={}", room.id(), ex.toString());
		}
		finally {
			lock.unlock();
		}
	}

	private boolean stopIfIdle(ClassRoom room, RuntimeContainer c) {
		String student = c.label(Labels.STUDENT);
		Template template = Optional.ofNullable(c.label(Labels.TEMPLATE))
			.flatMap(this.templates::find)
			.or(() -> this.templates.find(room.templateId()))
			.orElse(null);
		if (student == null || template == null || !template.stopsWhenIdle()) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant first = this.firstSeen.computeIfAbsent(c.id(), id -> now);
		Duration idle = this.probe.read(room.id(), student)
			.map(beat -> IdleRule.idleFor(beat, first, now, template.idleTimeout()))
			.orElse(null);
		if (idle == null) {
			return false;
		}
		this.runtime.stop(c.id(), this.stopGrace);
		this.stops.mark(room.id(), student, c.id(), now, idle.toString());
		this.firstSeen.remove(c.id());
		log.info("runtime stopped classId={} studentId={} container={} reason=idle idleFor={}", room.id(), student,
				c.name(), idle);
		return true;
	}

	/** Records of containers gone or running again, and first-seen times of gone ones. */
	private void forgetStale(String classId, List<RuntimeContainer> containers) {
		Set<String> stoppedIds = containers.stream()
			.filter(c -> c.state() != RuntimeContainer.State.RUNNING)
			.map(RuntimeContainer::id)
			.collect(Collectors.toSet());
		for (IdleStop stop : this.stops.ofClass(classId)) {
			if (!stoppedIds.contains(stop.containerId())) {
				this.stops.clear(stop.containerId());
			}
		}
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("idle sweep pass failed reason={}", ex.toString());
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
