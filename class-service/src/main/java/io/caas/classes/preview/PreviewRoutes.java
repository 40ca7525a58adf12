package io.caas.classes.preview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caas.classes.routing.Names;
import io.caas.common.naming.Hostnames;

/**
 * Traefik dynamic configuration (the HTTP provider's JSON) for shared ports: one router
 * per port, {@code Host(<classId>-<studentId>-p<port>.<domain>)}, behind the same
 * forward-auth as the IDE, to that port of the student's runtime by its container name
 * over the student's own network (Traefik is on it). A pure function of its input.
 */
final class PreviewRoutes {

	/**
	 * The IDE's forward-auth chain and the pages for a port nothing answers on
	 * (traefik/dynamic.yml).
	 */
	static final List<String> MIDDLEWARES = List.of("caas-ide-auth@file", "caas-preview-errors@file");

	private PreviewRoutes() {
	}

	static Map<String, Object> config(String installation, String domainSuffix, String entrypoint,
			List<PortShare> shares) {
		Map<String, Object> routers = new LinkedHashMap<>();
		Map<String, Object> services = new LinkedHashMap<>();
		for (PortShare share : shares) {
			String container = Names.container(installation, share.classId(), share.studentId());
			String name = container + "-p" + share.port();
			String host = Hostnames.preview(share.classId(), share.studentId(), share.port(), domainSuffix);
			routers.put(name, Map.of("rule", "Host(`" + host + "`)", "entryPoints", List.of(entrypoint), "middlewares",
					MIDDLEWARES, "service", name));
			services.put(name, Map.of("loadBalancer", Map.of("passHostHeader", true, "servers",
					List.of(Map.of("url", "http://" + container + ":" + share.port())))));
		}
		if (routers.isEmpty()) {
			// Traefik reads an empty object as "no HTTP configuration from this provider"
			return Map.of();
		}
		return Map.of("http", Map.of("routers", routers, "services", services));
	}

}
