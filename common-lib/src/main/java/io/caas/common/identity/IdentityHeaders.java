package io.caas.common.identity;

import java.util.List;

/**
 * Headers through which the gateway tells services who is calling. The gateway removes
 * any such header a client sends before it adds its own, so services may trust them on
 * the internal network only.
 */
public final class IdentityHeaders {

	public static final String USER = "X-Caas-User";

	public static final String ROLES = "X-Caas-Roles";

	public static final List<String> ALL = List.of(USER, ROLES);

	private IdentityHeaders() {
	}

}
