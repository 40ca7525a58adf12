package io.caas.auth.login;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a login came from. Traefik (which does not trust client-sent forwarding
 * headers) writes the first {@code X-Forwarded-For} entry and the gateway appends to it,
 * so the first entry is the browser's; without the header, the peer address.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String of(HttpServletRequest request) {
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded != null && !forwarded.isBlank()) {
			String first = forwarded.split(",", 2)[0].strip();
			if (!first.isEmpty() && first.length() <= 64) {
				return first;
			}
		}
		return request.getRemoteAddr();
	}

}
