package io.caas.classes.routing;

import java.util.Optional;

import io.caas.common.naming.Ids;

/**
 * Docker names of what CaaS creates. Ids are validated to lowercase letters and digits,
 * so the {@code -} separator can never come from an id and every name splits back
 * unambiguously: no two (class, student) pairs share a name.
 */
public final class Names {

	private Names() {
	}

	/** {@code caas-class-<classId>}: the network of one class. */
	public static String network(String classId) {
		return "caas-class-" + Ids.require("class", classId);
	}

	/** The class a network name belongs to, if it is a class network name. */
	public static Optional<String> classOfNetwork(String network) {
		String prefix = "caas-class-";
		if (network == null || !network.startsWith(prefix)) {
			return Optional.empty();
		}
		return Optional.of(network.substring(prefix.length())).filter(Ids::isValid);
	}

	/** {@code caas-<classId>-<studentId>}: one student's container. */
	public static String container(String classId, String studentId) {
		return "caas-" + Ids.require("class", classId) + "-" + Ids.require("student", studentId);
	}

	/**
	 * {@code caas-<classId>-<studentId>}: Traefik router and service of one student's
	 * IDE.
	 */
	public static String router(String classId, String studentId) {
		return container(classId, studentId);
	}

}
