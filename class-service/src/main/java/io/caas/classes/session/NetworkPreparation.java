package io.caas.classes.session;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.roster.ClassRosterChanged;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
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

	private final boolean enabled;

	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("caas-networks-", 0).factory());

	public NetworkPreparation(ClassRoomRepository classes, TemplateCatalog templates, StudentSpecs specs,
			ContainerRuntime runtime, TraefikAttachment traefik, NetworkRetention retention,
			@Value("${caas.orchestrator.prepare-networks:true}") boolean enabled) {
		this.classes = classes;
		this.templates = templates;
		this.specs = specs;
		this.runtime = runtime;
		this.traefik = traefik;
		this.retention = retention;
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
	 * bound leaves free; returns how many it made.
	 */
	public int prepare(String classId) {
		Optional<ClassRoom> room = closed(classId);
		Optional<Template> template = room.flatMap(r -> this.templates.find(r.templateId()));
		if (room.isEmpty() || template.isEmpty()) {
			return 0;
		}
		Set<String> have = this.retention.studentsWithNetwork(classId);
		List<String> missing = room.get().students().stream().filter(s -> !have.contains(s)).sorted().toList();
		if (missing.isEmpty()) {
			return 0;
		}
		List<String> fitting = missing.subList(0, Math.min(missing.size(), this.retention.freePlaces()));
		Consumer<String> attach = this.traefik.attacher();
		int made = 0;
		for (String student : fitting) {
			if (made % 10 == 9 && closed(classId).isEmpty()) {
				break;
			}
			NetworkSpec network = this.specs.network(classId, student, template.get());
			this.runtime.ensureNetwork(network);
			attach.accept(network.name());
			made++;
		}
		log.info("student networks prepared classId={} made={} missing={}", classId, made, missing.size() - made);
		return made;
	}

	private Optional<ClassRoom> closed(String classId) {
		return this.classes.findById(classId).filter(r -> r.state() == ClassState.CLOSED);
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
