package io.caas.classes.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Joins Traefik to a student network so it can reach the IDEs, and leaves it again.
 * Traefik is found by its selector label; when it is absent the IDEs are simply
 * unreachable, which is logged and not a failure of the class.
 */
@Component
public class TraefikAttachment {

	private static final Logger log = LoggerFactory.getLogger(TraefikAttachment.class);

	private final ContainerRuntime runtime;

	private final RoutingProperties routing;

	public TraefikAttachment(ContainerRuntime runtime, RoutingProperties routing) {
		this.runtime = runtime;
		this.routing = routing;
	}

	public void attach(String network) {
		joinEach(network, traefik(network));
	}

	/**
	 * Joins Traefik, looked up once, to each network it is handed: an open of 40 asks the
	 * engine for Traefik once, not 40 times, and does not ask it to connect a Traefik the
	 * network already has (a kept or prepared network: the engine would refuse, after as
	 * much work as five network inspects). A failed lookup or join falls back to
	 * {@link #attach(String)} for that network. For the networks of one operation only.
	 */
	public Attacher attacher() {
		List<RuntimeContainer> found;
		try {
			found = traefik("(the networks of an operation)");
		}
		catch (RuntimeException ex) {
			return (network, onIt) -> attach(network);
		}
		if (found.isEmpty()) {
			return (network, onIt) -> attach(network);
		}
		return (network, onIt) -> {
			try {
				joinEach(network, found.stream().filter(t -> !onIt.contains(t.id())).toList());
			}
			catch (RuntimeException ex) {
				// Traefik recreated meanwhile, or the engine failed once: look it up
				// again
				attach(network);
			}
		};
	}

	/** Joins Traefik to a network; {@code onIt}: the ids of the containers on it. */
	@FunctionalInterface
	public interface Attacher {

		void attach(String network, Set<String> onIt);

	}

	private void joinEach(String network, List<RuntimeContainer> traefik) {
		for (RuntimeContainer t : traefik) {
			this.runtime.connect(network, t.id());
			log.info("traefik attached network={} container={}", network, t.name());
		}
	}

	/**
	 * Joins a recreated Traefik (a restart of the stack, an upgrade) to a network it must
	 * serve; a no-op for a Traefik already on it, so the reconciler may call it every
	 * pass: it asks the engine to connect only a Traefik the network does not list (an
	 * open class of 40 otherwise cost 40 refused connects, ~11 ms of the engine's CPU
	 * each, every pass).
	 */
	public void ensureAttached(String network) {
		Set<String> onIt = this.runtime.containersOn(network);
		for (RuntimeContainer traefik : traefik(network)) {
			if (!onIt.contains(traefik.id())) {
				this.runtime.connect(network, traefik.id());
				log.info("traefik attached again network={} container={}", network, traefik.name());
			}
		}
	}

	public void detach(String network) {
		for (RuntimeContainer traefik : traefik(network)) {
			this.runtime.disconnect(network, traefik.id());
			log.info("traefik detached network={} container={}", network, traefik.name());
		}
	}

	/**
	 * Tears down every network of a class that no container uses any more: Traefik leaves
	 * it first, then it is removed. Returns the networks still in use.
	 */
	public List<String> releaseClass(String classId) {
		return releaseClass(classId, Set.of());
	}

	/**
	 * The same, but the networks of {@code keptStudents} stay, Traefik on them, for the
	 * class's next session. Returns the networks left (in use or kept).
	 */
	public List<String> releaseClass(String classId, Set<String> keptStudents) {
		List<String> kept = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (RuntimeContainer c : this.runtime.list(Labels.classSelector(classId))) {
			String student = c.label(Labels.STUDENT);
			if (student != null) {
				used.add(student);
			}
		}
		for (String network : this.runtime.listNetworks(Labels.classSelector(classId))) {
			if (Names.parseNetwork(network)
				.filter(n -> used.contains(n.studentId()) || keptStudents.contains(n.studentId()))
				.isPresent()) {
				kept.add(network);
				continue;
			}
			detach(network);
			this.runtime.removeNetwork(network);
		}
		return kept;
	}

	private List<RuntimeContainer> traefik(String network) {
		List<RuntimeContainer> found = this.runtime
			.list(Map.of(this.routing.traefikLabelKey(), this.routing.traefikLabelValue()));
		if (found.isEmpty()) {
			log.warn("traefik not found network={} selector={} reason=no-container-with-label", network,
					this.routing.traefikSelectorLabel());
		}
		return found;
	}

}
