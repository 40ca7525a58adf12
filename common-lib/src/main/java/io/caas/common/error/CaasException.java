package io.caas.common.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A domain failure that knows which HTTP status it deserves. Thrown by services, rendered
 * as an RFC 9457 problem by {@link ProblemDetailsAdvice}.
 */
public class CaasException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public CaasException(HttpStatus status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** A short, stable, machine-readable slug such as {@code class-busy}. */
	public String code() {
		return this.code;
	}

	/**
	 * Adds a member to the problem, e.g. the per-row {@code errors} of a rejected import.
	 */
	public CaasException withProperty(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/** Extra problem members, rendered beside {@code code}. */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	public static CaasException badRequest(String code, String message) {
		return new CaasException(HttpStatus.BAD_REQUEST, code, message);
	}

	public static CaasException unauthorized(String message) {
		return new CaasException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
	}

	public static CaasException forbidden(String message) {
		return new CaasException(HttpStatus.FORBIDDEN, "forbidden", message);
	}

	public static CaasException notFound(String what, String id) {
		return new CaasException(HttpStatus.NOT_FOUND, "not-found", what + " '" + id + "' does not exist");
	}

	public static CaasException conflict(String code, String message) {
		return new CaasException(HttpStatus.CONFLICT, code, message);
	}

}
