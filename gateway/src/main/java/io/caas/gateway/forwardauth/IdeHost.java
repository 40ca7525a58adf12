package io.caas.gateway.forwardauth;

import java.util.Locale;
import java.util.Optional;

import io.caas.common.naming.Ids;

/**
 * One student's IDE host, {@code <classId>-<studentId>-ide.<domainSuffix>}, read back
 * from what Traefik puts in {@code X-Forwarded-Host}. Ids never contain {@code -}
 * ({@link Ids}), so the split is unambiguous and anything else is not an IDE host.
 */
record IdeHost(String classId, String studentId) {

	static final String MARKER = "-ide.";

	static Optional<IdeHost> parse(String forwardedHost, String domainSuffix) {
		if (forwardedHost == null || domainSuffix == null || domainSuffix.isBlank()) {
			return Optional.empty();
		}
		String host = withoutPort(forwardedHost.trim()).toLowerCase(Locale.ROOT);
		String suffix = MARKER + domainSuffix.toLowerCase(Locale.ROOT);
		if (!host.endsWith(suffix)) {
			return Optional.empty();
		}
		String ids = host.substring(0, host.length() - suffix.length());
		int dash = ids.indexOf('-');
		if (dash < 0 || dash != ids.lastIndexOf('-')) {
			return Optional.empty();
		}
		String classId = ids.substring(0, dash);
		String studentId = ids.substring(dash + 1);
		if (!Ids.isValid(classId) || !Ids.isValid(studentId)) {
			return Optional.empty();
		}
		return Optional.of(new IdeHost(classId, studentId));
	}

	/** The canonical host name: lowercase, no port. */
	String name(String domainSuffix) {
		return this.classId + "-" + this.studentId + MARKER + domainSuffix.toLowerCase(Locale.ROOT);
	}

	/** The port part of a Host header, with its colon, or empty. */
	static String portOf(String hostHeader) {
		if (hostHeader == null) {
			return "";
		}
		String trimmed = hostHeader.trim();
		String bare = withoutPort(trimmed);
		return trimmed.substring(bare.length());
	}

	private static String withoutPort(String host) {
		int colon = host.lastIndexOf(':');
		if (colon < 0) {
			return host;
		}
		String port = host.substring(colon + 1);
		return (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) ? host.substring(0, colon) : host;
	}

}
