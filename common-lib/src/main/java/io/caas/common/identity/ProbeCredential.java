package io.caas.common.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * What lets a readiness probe ask an IDE host's {@code GET /healthz} without signing in:
 * a shared secret ({@code PROBE_TOKEN}) that class-service sends in {@link #HEADER},
 * Traefik's probe routers match and the gateway's forward-auth checks. Without it a probe
 * is an ordinary anonymous request and gets what any anonymous request gets, the same for
 * every host, so nobody can tell a running IDE, a stopped one and an unknown host apart.
 * Traefik removes the header before any request reaches a runtime or class-service.
 */
public final class ProbeCredential {

	/**
	 * Not {@code X-Caas-}: the gateway removes every such header a client sends before
	 * anything reads it (they are its identity headers).
	 */
	public static final String HEADER = "Caas-Probe-Token";

	/**
	 * What a token may look like: it is written into Traefik rules (between backquotes),
	 * so no quote, space or backquote; long enough not to be guessed.
	 */
	public static final String TOKEN_REGEX = "[A-Za-z0-9+/=_.-]{16,256}";

	/** A token or nothing: the form the services' settings take (blank: no probes). */
	public static final String SETTING_REGEX = "^$|^" + TOKEN_REGEX + "$";

	public static final Pattern FORM = Pattern.compile("^" + TOKEN_REGEX + "$");

	private ProbeCredential() {
	}

	/**
	 * Whether {@code presented} is the configured token, in time that does not depend on
	 * how much of it matches. A blank configured token matches nothing.
	 */
	public static boolean matches(String configured, String presented) {
		if (configured == null || configured.isBlank() || presented == null) {
			return false;
		}
		return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8),
				presented.getBytes(StandardCharsets.UTF_8));
	}

}
