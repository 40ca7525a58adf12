package io.caas.classes.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.roster.ClassRosterChanged;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes a closed class's student networks, Traefik joined, as soon as its roster is known
 * (created with students, roster replaced, a student joined), so that its first open only
 * makes and starts the runtimes, as every later open does with the networks
 * {@link NetworkRetention} keeps. A bridge per student and Traefik's join to it are most
 * of what a first open cost the engine beyond the runtimes (bench/open-benchmark.sh). The
 * networks made count against the same bound as kept ones and only fill free places: a
 * class whose networks do not fit makes the rest when it opens. One class at a time, in
 * the background; a request for a class already waiting is dropped. It stops as soon as
 * the class is no longer closed (an open makes what is missing itself; a network both
 * make at once is created once, DockerContainerRuntime#ensureNetwork). Best effort: a
 * failure is logged and the open makes what is missing.
 */
@Component
public class NetworkPreparation implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NetworkPreparation.class);

	private final ClassRoomRepository classes;

	private final TemplateCatalog templates;

	private final StudentSpecs specs;

	private final ContainerRuntime runtime;

	private final TraefikAttachment traefik;

	private final NetworkRetention retention;

	private final ClassLocks locks;

	private final boolean enabled;

	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("caas-networks-", 0).factory());

	public NetworkPreparation(ClassRoomRepository classes, TemplateCatalog templates, StudentSpecs specs,
			ContainerRuntime runtime, TraefikAttachment traefik, NetworkRetention retention, ClassLocks locks,
			@Value("${caas.orchestrator.prepare-networks:true}") boolean enabled) {
		this.classes = classes;
		this.templates = templates;
		this.specs = specs;
		this.runtime = runtime;
		this.traefik = traefik;
		this.retention = retention;
		this.locks = locks;
		this.enabled = enabled;
	}

	@EventListener
	void on(ClassRosterChanged event) {
		if (this.enabled && this.waiting.add(event.classId())) {
			this.worker.execute(() -> {
				this.waiting.remove(event.classId());
				try {
					prepare(event.classId());
				}
				catch (RuntimeException ex) {
					log.warn("student networks not prepared classId={} reason={}", event.classId(), ex.toString());
				}
			});
		}
	}

	/**
	 * Makes the missing networks of a closed class's roster students, as many as the
	 * bound leaves free; returns how many it made. Each network is made under the class
	 * lock, after reading the class again: it stops as soon as the lock is held (an open,
	 * a close or the reconciler) or the class is no longer closed, skips a student who
	 * left the roster, and never touches a network that exists (an open replaces one
	 * whose isolation no longer fits its template; preparation never does).
	 */
	public int prepare(String classId) {
		Optional<ClassRoom> room = closed(classId);
		if (room.isEmpty()) {
			return 0;
		}
		Set<String> have = this.retention.studentsWithNetwork(classId);
		List<String> missing = room.get().students().stream().filter(s -> !have.contains(s)).sorted().toList();
		if (missing.isEmpty()) {
			return 0;
		}
		List<String> fitting = missing.subList(0, Math.min(missing.size(), this.retention.freePlaces()));
		TraefikAttachment.Attacher attach = this.traefik.attacher();
		int made = 0;
		for (String student : fitting) {
			Step step = makeOne(classId, student, attach);
			if (step == Step.STOP) {
				break;
			}
			made += (step == Step.MADE) ? 1 : 0;
		}
		log.info("student networks prepared classId={} made={} missing={}", classId, made, missing.size() - made);
		return made;
	}

	private Step makeOne(String classId, String student, TraefikAttachment.Attacher attach) {
		RLock lock = this.locks.of(classId);
		if (!lock.tryLock()) {
			return Step.STOP;
		}
		try {
			Optional<ClassRoom> now = closed(classId);
			Optional<Template> template = now.flatMap(r -> this.templates.find(r.templateId()));
			if (template.isEmpty()) {
				return Step.STOP;
			}
			if (!now.get().isEnrolled(student)
					|| !this.runtime.listNetworks(Labels.studentSelector(classId, student)).isEmpty()) {
				return Step.SKIPPED;
			}
			NetworkSpec network = this.specs.network(classId, student, template.get());
			attach.attach(network.name(), this.runtime.ensureNetwork(network));
			return Step.MADE;
		}
		finally {
			lock.unlock();
		}
	}

	private Optional<ClassRoom> closed(String classId) {
		return this.classes.findById(classId).filter(r -> r.state() == ClassState.CLOSED);
	}

	private enum Step {

		MADE, SKIPPED, STOP

	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
