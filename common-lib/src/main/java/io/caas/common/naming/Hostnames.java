package io.caas.common.naming;

/** Public hostnames, as promised in the API contract. */
public final class Hostnames {

	private Hostnames() {
	}

	/** {@code <classId>-<studentId>-ide.<domainSuffix>}: one student's IDE. */
	public static String ide(String classId, String studentId, String domainSuffix) {
		return Ids.require("class", classId) + "-" + Ids.require("student", studentId) + "-ide." + domainSuffix;
	}

	/**
	 * {@code <classId>-<studentId>-p<port>.<domainSuffix>}: a port one student shared
	 * (previews).
	 */
	public static String preview(String classId, String studentId, int port, String domainSuffix) {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port out of range: " + port);
		}
		return Ids.require("class", classId) + "-" + Ids.require("student", studentId) + "-p" + port + "."
				+ domainSuffix;
	}

	/** {@code app.<domainSuffix>}: the web UI and API. */
	public static String app(String domainSuffix) {
		return "app." + domainSuffix;
	}

}
