package io.caas.common.naming;

/** Public hostnames, as promised in the API contract. */
public final class Hostnames {

	private Hostnames() {
	}

	/** {@code <classId>-<studentId>-ide.<domainSuffix>}: one student's IDE. */
	public static String ide(String classId, String studentId, String domainSuffix) {
		return Ids.require("class", classId) + "-" + Ids.require("student", studentId) + "-ide." + domainSuffix;
	}

	/** {@code app.<domainSuffix>}: the web UI and API. */
	public static String app(String domainSuffix) {
		return "app." + domainSuffix;
	}

}
