package io.caas.classes.session;

import java.util.Set;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.ContainerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The state a class is really in, read from the engine: OPEN while any container of the
 * class exists, else CLOSED, in which case its networks are torn down (Traefik first),
 * but for those {@link NetworkRetention} keeps for the class's next session.
 */
@Component
public class ClassSettlement {

	private static final Logger log = LoggerFactory.getLogger(ClassSettlement.class);

	private final ContainerRuntime runtime;

	private final TraefikAttachment traefik;

	private final NetworkRetention retention;

	@Autowired
	public ClassSettlement(ContainerRuntime runtime, TraefikAttachment traefik, NetworkRetention retention) {
		this.runtime = runtime;
		this.traefik = traefik;
		this.retention = retention;
	}

	/** Keeps no network: a closed class's networks are all removed. */
	public ClassSettlement(ContainerRuntime runtime, TraefikAttachment traefik) {
		this(runtime, traefik, null);
	}

	public ClassState settle(String classId) {
		if (!this.runtime.list(Labels.classSelector(classId)).isEmpty()) {
			return ClassState.OPEN;
		}
		try {
			this.traefik.releaseClass(classId,
					(this.retention != null) ? this.retention.keptAtClose(classId) : Set.of());
		}
		catch (RuntimeException ex) {
			// no student container is left, so the class is closed; the reconciler
			// retries the networks
			log.warn("class networks kept classId={} reason={}", classId, ex.getMessage());
		}
		return ClassState.CLOSED;
	}

}
