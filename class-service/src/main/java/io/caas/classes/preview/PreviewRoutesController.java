package io.caas.classes.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.caas.classes.installation.Installation;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.RoutingProperties;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.template.TemplateCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traefik's HTTP provider polls this (every few seconds; docker-compose.yml) for the
 * routes of shared ports. A port is routed only while its class is OPEN, its student is
 * on the roster, its runtime runs, and it is not the template's IDE port (templates
 * change); anything else reaches the preview catch-all and our pages (class closed, IDE
 * stopped: it wakes). With nothing shared this is one store read: no engine call while
 * idle. When the store or the engine cannot be read the answer is empty: previews fail
 * closed, never stale. Reachable from the platform network only: the gateway never routes
 * {@code /internal/**}, and Traefik sends IDE and preview hosts to our page filter, which
 * answers them before any controller.
 */
@RestController
class PreviewRoutesController {

	private static final Logger log = LoggerFactory.getLogger(PreviewRoutesController.class);

	private final PortShareRepository shares;

	private final ClassRoomRepository classes;

	private final ContainerRuntime runtime;

	private final TemplateCatalog templates;

	private final RoutingProperties routing;

	private final String installation;

	PreviewRoutesController(PortShareRepository shares, ClassRoomRepository classes, ContainerRuntime runtime,
			TemplateCatalog templates, RoutingProperties routing, Installation installation) {
		this.shares = shares;
		this.classes = classes;
		this.runtime = runtime;
		this.templates = templates;
		this.routing = routing;
		this.installation = installation.id();
	}

	@GetMapping("/internal/traefik/previews")
	Map<String, Object> routes() {
		List<PortShare> routed;
		try {
			routed = routable();
		}
		catch (RuntimeException ex) {
			log.warn("preview routes withheld: {}", ex.toString());
			routed = List.of();
		}
		return PreviewRoutes.config(this.installation, this.routing.domainSuffix(), this.routing.entrypoint(), routed);
	}

	private List<PortShare> routable() {
		Map<String, List<PortShare>> byClass = this.shares.findAll()
			.stream()
			.collect(Collectors.groupingBy(PortShare::classId));
		List<PortShare> routed = new ArrayList<>();
		byClass.forEach((classId, classShares) -> this.classes.findById(classId)
			.filter(room -> room.state() == ClassState.OPEN)
			.ifPresent(room -> routed.addAll(routable(room, classShares))));
		return routed;
	}

	private List<PortShare> routable(ClassRoom room, List<PortShare> classShares) {
		Integer idePort = this.templates.find(room.templateId()).map(t -> t.port()).orElse(null);
		Set<String> running = this.runtime.list(Labels.classSelector(room.id()))
			.stream()
			.filter(c -> c.state() == RuntimeContainer.State.RUNNING)
			.map(c -> c.label(Labels.STUDENT))
			.collect(Collectors.toSet());
		return classShares.stream()
			.filter(s -> room.isEnrolled(s.studentId()) && running.contains(s.studentId()))
			.filter(s -> idePort == null || s.port() != idePort)
			.toList();
	}

}
