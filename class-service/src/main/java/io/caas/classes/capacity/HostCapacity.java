package io.caas.classes.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.caas.classes.installation.Installation;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.MemoryLimit;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.template.Template;
import io.caas.common.error.CaasException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Admission before an open or a wake: the template's memory limit for every runtime to
 * start, against what the host can give ({@link Capacity}): its memory minus the reserve,
 * the limits of every running runtime on the engine (of any installation: memory is the
 * host's) and the reservations of opens still running. The check and the recording of
 * what it admitted (an open's reservation, a wake's start) happen under one lock
 * ({@link CapacityLedger}), so two admissions at the same instant cannot both take the
 * last room.
 */
@Component
public class HostCapacity {

	private static final Logger log = LoggerFactory.getLogger(HostCapacity.class);

	private final ContainerRuntime runtime;

	private final CapacityProperties properties;

	private final CapacityLedger ledger;

	private final Installation installation;

	public HostCapacity(ContainerRuntime runtime, CapacityProperties properties, CapacityLedger ledger,
			Installation installation) {
		this.runtime = runtime;
		this.properties = properties;
		this.ledger = ledger;
		this.installation = installation;
	}

	/**
	 * Admits an open of the class and records its reservation (template memory × every
	 * student of the roster; runtimes of the class already running count within it), or
	 * refuses with 409 {@code capacity-exceeded} saying how many students would fit. The
	 * reservation is the operation's: only {@link #release} with its id ends it.
	 * @return whether this call recorded the reservation (false: nothing to start, or an
	 * open of the class already holds one; a request that then fails must leave it)
	 */
	public boolean requireOpen(String classId, String operationId, Template template, List<String> students) {
		String owner = owner(this.installation.id(), classId);
		Set<String> running = this.runtime.list(Labels.classSelector(classId))
			.stream()
			.filter((c) -> c.state() == RuntimeContainer.State.RUNNING)
			.map((c) -> c.label(Labels.STUDENT))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		if (running.containsAll(students)) {
			return false;
		}
		long bytes = template.memoryBytes() * students.size();
		return this.ledger.admitting(() -> {
			Capacity capacity = now(owner);
			require(capacity, template, students.size(), "opening class '" + classId + "'");
			boolean recorded = this.ledger.reserve(owner, operationId, bytes, this.properties.reservationTtl());
			log.info("capacity admitted classId={} bytes={} recorded={} freeBytesBefore={}", classId, bytes, recorded,
					capacity.free());
			return recorded;
		});
	}

	/** Ends the reservation of the class's open if that operation recorded it. */
	public void release(String classId, String operationId) {
		this.ledger.release(owner(this.installation.id(), classId), operationId);
	}

	/** The same, never throwing: a reservation left behind lapses after its TTL. */
	public void releaseQuietly(String classId, String operationId) {
		try {
			release(classId, operationId);
		}
		catch (RuntimeException ex) {
			log.warn("capacity reservation not released classId={} reason={}", classId, ex.toString());
		}
	}

	/**
	 * Runs {@code start} (a wake) only if {@code count} more runtimes of the template
	 * fit, under the same lock as every admission; otherwise 409
	 * {@code capacity-exceeded}.
	 */
	public void startIfRoom(Template template, int count, String what, Runnable start) {
		this.ledger.admitting(() -> {
			require(now(null), template, count, what);
			start.run();
			return count;
		});
	}

	/** What the host can give everyone but {@code owner} (null: everyone) right now. */
	Capacity now(String owner) {
		long host = this.properties.hostMemory().toBytes();
		if (host <= 0) {
			host = this.runtime.hostMemoryBytes();
		}
		List<Capacity.Usage> usage = new ArrayList<>();
		for (MemoryLimit limit : this.runtime.runningLimitsOfAllInstallations(Map.of(Labels.MANAGED, "true"))) {
			if (limit.labels().containsKey(Labels.STUDENT)) {
				String classId = limit.labels().get(Labels.CLASS);
				usage.add(new Capacity.Usage((classId != null) ? owner(limit.labels().get(Labels.INSTALLATION), classId)
						: limit.containerId(), limit.bytes()));
			}
		}
		return Capacity.of(host, this.properties.reserve().toBytes(), usage, this.ledger.reservations(), owner);
	}

	private static void require(Capacity capacity, Template template, int count, String what) {
		if (capacity.admits(count, template.memoryBytes())) {
			return;
		}
		int fits = capacity.fits(template.memoryBytes());
		log.info("capacity refused what={} runtimes={} fits={} freeBytes={}", what, count, fits, capacity.free());
		throw CaasException.conflict("capacity-exceeded",
				"the host has room for " + fits + " more runtime" + ((fits == 1) ? "" : "s") + " of template '"
						+ template.id() + "' (" + template.memory() + " each), not the " + count + " " + what
						+ " needs: " + fits + " of " + count + " students would fit");
	}

	/** Whose memory it is: a class of an installation (one Redis may serve several). */
	static String owner(String installation, String classId) {
		return installation + "/" + classId;
	}

}
