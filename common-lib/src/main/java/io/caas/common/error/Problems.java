package io.caas.common.error;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problems every CaaS service answers with. */
public final class Problems {

	/** Problem types are documented under this base; the slug is appended. */
	public static final String TYPE_BASE = "https://caas.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setProperty("code", code);
		return problem;
	}

	public static ProblemDetail of(CaasException ex) {
		ProblemDetail problem = of(ex.status(), ex.code(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

}
