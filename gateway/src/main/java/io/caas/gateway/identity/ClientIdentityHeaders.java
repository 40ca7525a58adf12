package io.caas.gateway.identity;

import java.util.List;

import io.caas.common.identity.Identity;
import io.caas.common.identity.IdentityHeaders;

import org.springframework.http.HttpHeaders;

/**
 * The rules for identity headers at the edge: nothing a client sends under the
 * {@code X-Caas-} prefix survives, and only the gateway writes them back.
 */
public final class ClientIdentityHeaders {

	static final String PREFIX = "x-caas-";

	private ClientIdentityHeaders() {
	}

	/** Whether a header name is reserved for the gateway, in any letter case. */
	public static boolean isReserved(String headerName) {
		return headerName != null && headerName.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	/** Whether any reserved header is present, so callers can skip copying requests. */
	public static boolean anyReserved(HttpHeaders headers) {
		return headers.headerNames().stream().anyMatch(ClientIdentityHeaders::isReserved);
	}

	/** Removes every reserved header in place. */
	public static void strip(HttpHeaders headers) {
		List<String> reserved = headers.headerNames().stream().filter(ClientIdentityHeaders::isReserved).toList();
		reserved.forEach(headers::remove);
	}

	/** Replaces whatever reserved headers there are with those naming {@code who}. */
	public static void assign(HttpHeaders headers, Identity who) {
		strip(headers);
		headers.set(IdentityHeaders.USER, who.username());
		headers.set(IdentityHeaders.ROLES, who.rolesHeader());
	}

}
