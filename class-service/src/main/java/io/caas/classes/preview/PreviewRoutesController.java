package io.caas.classes.preview;

import java.util.HashSet;
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

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traefik's HTTP provider polls this (every few seconds; docker-compose.yml) for the
 * routes of shared ports. Only ports of open classes whose runtime runs get a route, so
 * anything else reaches the preview catch-all and our pages (class closed, IDE stopped:
 * it wakes). With nothing shared this is one store read: no engine call while idle. Never
 * routed from outside: the gateway refuses {@code /internal/**}, and Traefik sends IDE
 * and preview hosts to our page filter, which answers them before any controller.
 */
@RestController
class PreviewRoutesController {

	private final PortShareRepository shares;

	private final ClassRoomRepository classes;

	private final ContainerRuntime runtime;

	private final RoutingProperties routing;

	private final String installation;

	PreviewRoutesController(PortShareRepository shares, ClassRoomRepository classes, ContainerRuntime runtime,
			RoutingProperties routing, Installation installation) {
		this.shares = shares;
		this.classes = classes;
		this.runtime = runtime;
		this.routing = routing;
		this.installation = installation.id();
	}

	@GetMapping("/internal/traefik/previews")
	Map<String, Object> routes() {
		List<PortShare> all = this.shares.findAll();
		Set<String> open = new HashSet<>();
		for (String classId : all.stream().map(PortShare::classId).collect(Collectors.toSet())) {
			this.classes.findById(classId)
				.filter(c -> c.state() == ClassState.OPEN)
				.map(ClassRoom::id)
				.ifPresent(open::add);
		}
		List<PortShare> candidates = all.stream().filter(s -> open.contains(s.classId())).toList();
		Set<String> running = new HashSet<>();
		if (!candidates.isEmpty()) {
			for (RuntimeContainer c : this.runtime.list(Labels.managedSelector())) {
				if (c.state() == RuntimeContainer.State.RUNNING && c.label(Labels.STUDENT) != null) {
					running.add(c.label(Labels.CLASS) + "/" + c.label(Labels.STUDENT));
				}
			}
		}
		List<PortShare> routed = candidates.stream()
			.filter(s -> running.contains(s.classId() + "/" + s.studentId()))
			.toList();
		return PreviewRoutes.config(this.installation, this.routing.domainSuffix(), this.routing.entrypoint(), routed);
	}

}
