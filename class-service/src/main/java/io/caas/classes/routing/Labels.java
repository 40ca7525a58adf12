package io.caas.classes.routing;

import java.util.Map;
import java.util.TreeMap;

import io.caas.classes.installation.Installation;
import io.caas.common.identity.ProbeCredential;
import io.caas.common.naming.Hostnames;

/**
 * Labels on everything CaaS creates. {@code caas.managed=true} marks ownership and
 * {@code caas.installation} the stack (together they are the Traefik provider
 * constraint); everything is found and swept by label, never by name. Selectors leave the
 * installation out: the {@code ContainerRuntime} port adds it to every lookup.
 */
public final class Labels {

	public static final String MANAGED = "caas.managed";

	public static final String INSTALLATION = Installation.LABEL;

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

	/** Selects one student's runtime (and network) of a class. */
	public static Map<String, String> studentSelector(String classId, String studentId) {
		return Map.of(MANAGED, "true", CLASS, classId, STUDENT, studentId);
	}

	/** Selects everything CaaS created, for sweeps. */
	public static Map<String, String> managedSelector() {
		return Map.of(MANAGED, "true");
	}

	/**
	 * Ownership labels of one student's network. No session: the network outlives the
	 * session that made it (session/NetworkRetention), so the next open reuses it.
	 */
	public static Map<String, String> network(String installation, String classId, String studentId) {
		Map<String, String> labels = new TreeMap<>(studentSelector(classId, studentId));
		labels.put(INSTALLATION, installation);
		return labels;
	}

	/** code-server's health JSON: the one request any client may make of an IDE host. */
	public static final String HEALTH_PATH = "/healthz";

	/**
	 * A {@code GET /healthz} carrying this header with {@link #FULL_ROUTE} takes the
	 * runtime's main router (forward-auth included), as a student's browser does: how
	 * class-service confirms READY once the cheap probe answered.
	 */
	public static final String PROBE_ROUTE_HEADER = "X-Caas-Probe";

	public static final String FULL_ROUTE = "full";

	/**
	 * Ownership labels plus the Traefik labels that route
	 * {@code <classId>-<studentId>-ide.<domainSuffix>} to the IDE port over the student's
	 * own network, behind forward-auth. A second router takes exactly
	 * {@code GET /healthz} carrying the probe token (readiness probes, which forward-auth
	 * would let through anyway) straight to the runtime with every credential header and
	 * the token removed ({@code caas-ide-probe}) and without an access-log line: a class
	 * of 40 that is opening is probed many times a second, and each probe cost a round
	 * trip to the gateway. Without a token (no probes) there is no second router.
	 */
	public static Map<String, String> container(String installation, Route route, String sessionId, String templateId) {
		String router = Names.router(installation, route.classId(), route.studentId());
		String host = Hostnames.ide(route.classId(), route.studentId(), route.domainSuffix());
		Map<String, String> labels = new TreeMap<>(network(installation, route.classId(), route.studentId()));
		labels.put(SESSION, sessionId);
		labels.put(TEMPLATE, templateId);
		labels.put("traefik.enable", "true");
		labels.put("traefik.docker.network", Names.network(installation, route.classId(), route.studentId()));
		labels.put("traefik.http.routers." + router + ".rule", "Host(`" + host + "`)");
		labels.put("traefik.http.routers." + router + ".entrypoints", route.entrypoint());
		labels.put("traefik.http.routers." + router + ".service", router);
		labels.put("traefik.http.routers." + router + ".middlewares", "caas-ide-auth@file");
		labels.put("traefik.http.services." + router + ".loadbalancer.server.port", Integer.toString(route.port()));
		if (route.probeToken() == null || route.probeToken().isBlank()) {
			return labels;
		}
		if (!ProbeCredential.FORM.matcher(route.probeToken()).matches()) {
			throw new IllegalArgumentException("a probe token is letters, digits and +/=_.- (16 to 256)");
		}
		String probe = router + "-healthz";
		labels.put("traefik.http.routers." + probe + ".rule",
				"Host(`" + host + "`) && Method(`GET`) && Path(`" + HEALTH_PATH + "`) && Header(`"
						+ ProbeCredential.HEADER + "`, `" + route.probeToken() + "`) && !Header(`" + PROBE_ROUTE_HEADER
						+ "`, `" + FULL_ROUTE + "`)");
		labels.put("traefik.http.routers." + probe + ".entrypoints", route.entrypoint());
		labels.put("traefik.http.routers." + probe + ".service", router);
		labels.put("traefik.http.routers." + probe + ".middlewares", "caas-ide-probe@file");
		labels.put("traefik.http.routers." + probe + ".observability.accesslogs", "false");
		return labels;
	}

	/** Where one student's IDE is published. */
	public record Route(String classId, String studentId, int port, String domainSuffix, String entrypoint,
			String probeToken) {
	}

}
