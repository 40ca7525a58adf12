package io.caas.e2e;

/**
 * Where the composed stack under test is: everything goes through Traefik on one port, by
 * Host header.
 */
record Stack(int httpPort, String project, String domain, String password, String probeToken) {

	static Stack fromSystemProperties() {
		return new Stack(Integer.getInteger("caas.e2e.httpPort", 18080),
				System.getProperty("caas.e2e.project", "caas-e2e"),
				System.getProperty("caas.e2e.domain", "caas.localhost"),
				System.getProperty("caas.e2e.password", "caas-demo"),
				System.getProperty("caas.e2e.probeToken", "caas-demo-probe-token"));
	}

	String appHost() {
		return "app." + this.domain;
	}

	String ideHost(String classId, String studentId) {
		return classId + "-" + studentId + "-ide." + this.domain;
	}

	/** A port the student shared: {@code <classId>-<studentId>-p<port>}. */
	String previewHost(String classId, String studentId, int port) {
		return classId + "-" + studentId + "-p" + port + "." + this.domain;
	}

}
