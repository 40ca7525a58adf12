package io.caas.classes.routing;

import java.util.Optional;

import io.caas.common.naming.Ids;

/**
 * Docker names of what CaaS creates, all starting with the installation id. Installation,
 * class and student ids are lowercase letters and digits, so the {@code -} separator can
 * never come from an id and every name splits back unambiguously: no two (installation,
 * class, student) triples share a name.
 */
public final class Names {

	private static final String NETWORK_SUFFIX = "-net";

	private Names() {
	}

	/** {@code <installation>-<classId>-<studentId>}: one student's container. */
	public static String container(String installation, String classId, String studentId) {
		return Ids.require("installation", installation) + "-" + Ids.require("class", classId) + "-"
				+ Ids.require("student", studentId);
	}

	/**
	 * {@code <installation>-<classId>-<studentId>-net}: the network only that student's
	 * runtime and Traefik share.
	 */
	public static String network(String installation, String classId, String studentId) {
		return container(installation, classId, studentId) + NETWORK_SUFFIX;
	}

	/** Traefik router and service of one student's IDE: the container name. */
	public static String router(String installation, String classId, String studentId) {
		return container(installation, classId, studentId);
	}

	/** Splits a student network name back into its ids; empty for any other name. */
	public static Optional<StudentNetwork> parseNetwork(String network) {
		if (network == null || !network.endsWith(NETWORK_SUFFIX)) {
			return Optional.empty();
		}
		String[] parts = network.substring(0, network.length() - NETWORK_SUFFIX.length()).split("-", -1);
		if (parts.length != 3 || !Ids.isValid(parts[0]) || !Ids.isValid(parts[1]) || !Ids.isValid(parts[2])) {
			return Optional.empty();
		}
		return Optional.of(new StudentNetwork(parts[0], parts[1], parts[2]));
	}

	/** The ids a student network name is made of. */
	public record StudentNetwork(String installation, String classId, String studentId) {
	}

}
