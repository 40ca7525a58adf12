package io.caas.classes.routing;

import java.util.Map;
import java.util.TreeMap;

import io.caas.common.naming.Hostnames;

/**
 * Labels on everything CaaS creates. {@code caas.managed=true} marks ownership (and is
 * the Traefik provider constraint); everything is found and swept by label, never by
 * name.
 */
public final class Labels {

	public static final String MANAGED = "caas.managed";

	public static final String CLASS = "caas.class";

	public static final String SESSION = "caas.session";

	public static final String STUDENT = "caas.student";

	public static final String TEMPLATE = "caas.template";

	private Labels() {
	}

	/** Selects everything CaaS created for one class, whatever its session. */
	public static Map<String, String> classSelector(String classId) {
		return Map.of(MANAGED, "true", CLASS, classId);
	}

	/** Selects everything CaaS created, for sweeps. */
	public static Map<String, String> managedSelector() {
		return Map.of(MANAGED, "true");
	}

	public static Map<String, String> network(String classId, String sessionId) {
		Map<String, String> labels = new TreeMap<>(classSelector(classId));
		labels.put(SESSION, sessionId);
		return labels;
	}

	/**
	 * Ownership labels plus the Traefik labels that route
	 * {@code <classId>-<studentId>-ide.<domainSuffix>} to the IDE port over the class
	 * network.
	 */
	public static Map<String, String> container(Route route, String sessionId, String templateId) {
		String router = Names.router(route.classId(), route.studentId());
		String host = Hostnames.ide(route.classId(), route.studentId(), route.domainSuffix());
		Map<String, String> labels = new TreeMap<>(network(route.classId(), sessionId));
		labels.put(STUDENT, route.studentId());
		labels.put(TEMPLATE, templateId);
		labels.put("traefik.enable", "true");
		labels.put("traefik.docker.network", Names.network(route.classId()));
		labels.put("traefik.http.routers." + router + ".rule", "Host(`" + host + "`)");
		labels.put("traefik.http.routers." + router + ".entrypoints", route.entrypoint());
		labels.put("traefik.http.routers." + router + ".service", router);
		labels.put("traefik.http.routers." + router + ".middlewares", "caas-ide-auth@file");
		labels.put("traefik.http.services." + router + ".loadbalancer.server.port", Integer.toString(route.port()));
		return labels;
	}

	/** Where one student's IDE is published. */
	public record Route(String classId, String studentId, int port, String domainSuffix, String entrypoint) {
	}

}
