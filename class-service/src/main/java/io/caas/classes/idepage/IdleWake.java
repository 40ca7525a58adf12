package io.caas.classes.idepage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.caas.classes.capacity.HostCapacity;
import io.caas.classes.idle.IdleProperties;
import io.caas.classes.idle.IdleStops;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.session.ClassLocks;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Starts a runtime stopped for idleness when its IDE host is asked for (the catch-all
 * reaches us without forward-auth, so any request may wake it): at most once per
 * {@code caas.idle.wake-interval} per runtime, only in an OPEN class whose lock is free,
 * and only if the host has memory for it (capacity admission, under the same lock as
 * every open's). Only a host without memory ({@code capacity-exceeded}) shows the full
 * page; any other refusal shows the starting page and lets the next request try again.
 */
@Component
class IdleWake {

	private static final Logger log = LoggerFactory.getLogger(IdleWake.class);

	private final ContainerRuntime runtime;

	private final IdleStops stops;

	private final ClassLocks locks;

	private final HostCapacity capacity;

	private final TemplateCatalog templates;

	private final IdleProperties properties;

	private final Clock clock;

	private final Map<String, Instant> lastWake = new ConcurrentHashMap<>();

	IdleWake(ContainerRuntime runtime, IdleStops stops, ClassLocks locks, HostCapacity capacity,
			TemplateCatalog templates, IdleProperties properties, Clock clock) {
		this.runtime = runtime;
		this.stops = stops;
		this.locks = locks;
		this.capacity = capacity;
		this.templates = templates;
		this.properties = properties;
		this.clock = clock;
	}

	/** The page to show when one of the containers was stopped for idleness. */
	Optional<IdePage> wakeIfIdle(ClassRoom room, String studentId, List<RuntimeContainer> containers) {
		Optional<RuntimeContainer> idle = containers.stream().filter(this.stops::isIdleStopped).findFirst();
		return idle.map(c -> wake(room, studentId, c));
	}

	private IdePage wake(ClassRoom room, String studentId, RuntimeContainer container) {
		Instant now = this.clock.instant();
		Instant previous = this.lastWake.get(container.id());
		if (previous != null && now.isBefore(previous.plus(this.properties.wakeInterval()))) {
			return IdePage.starting(studentId);
		}
		this.lastWake.put(container.id(), now);
		RLock lock = this.locks.of(room.id());
		if (!lock.tryLock()) {
			return IdePage.starting(studentId);
		}
		try {
			Template template = Optional.ofNullable(container.label(Labels.TEMPLATE))
				.flatMap(this.templates::find)
				.orElseGet(() -> this.templates.require(room.templateId()));
			this.capacity.startIfRoom(template, 1, "waking the IDE of " + studentId,
					() -> this.runtime.start(container.id()));
			this.stops.clear(container.id());
			log.info("runtime woken classId={} studentId={} container={}", room.id(), studentId, container.name());
			return IdePage.starting(studentId);
		}
		catch (CaasException ex) {
			log.info("runtime not woken classId={} studentId={} reason={}", room.id(), studentId, ex.getMessage());
			if ("capacity-exceeded".equals(ex.code())) {
				return IdePage.full(studentId);
			}
			// busy or unavailable for now: the next request may wake it at once
			this.lastWake.remove(container.id());
			return IdePage.starting(studentId);
		}
		finally {
			lock.unlock();
		}
	}

}
