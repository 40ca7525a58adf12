package io.caas.gateway.forwardauth;

import java.util.Locale;
import java.util.Optional;

import io.caas.common.naming.Hostnames;
import io.caas.common.naming.Ids;

/**
 * One student's IDE host, {@code <classId>-<studentId>-ide.<domainSuffix>}, or one of
 * their shared ports, {@code <classId>-<studentId>-p<port>.<domainSuffix>} (a preview:
 * the same people may open it, with its own host-bound cookie), read back from what
 * Traefik puts in {@code X-Forwarded-Host}. Ids never contain {@code -} ({@link Ids}), so
 * the split is unambiguous and anything else is not an IDE host.
 *
 * @param port the shared port of a preview host; 0 for the IDE itself
 */
record IdeHost(String classId, String studentId, int port) {

	IdeHost(String classId, String studentId) {
		this(classId, studentId, 0);
	}

	boolean isPreview() {
		return this.port != 0;
	}

	static Optional<IdeHost> parse(String forwardedHost, String domainSuffix) {
		if (forwardedHost == null || domainSuffix == null || domainSuffix.isBlank()) {
			return Optional.empty();
		}
		String host = withoutPort(forwardedHost.trim()).toLowerCase(Locale.ROOT);
		// a fully qualified name (trailing dot) is the same host: Traefik's Host() takes
		// it
		host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		String suffix = "." + domainSuffix.toLowerCase(Locale.ROOT);
		if (!host.endsWith(suffix)) {
			return Optional.empty();
		}
		String[] parts = host.substring(0, host.length() - suffix.length()).split("-", -1);
		if (parts.length != 3 || !Ids.isValid(parts[0]) || !Ids.isValid(parts[1])) {
			return Optional.empty();
		}
		if ("ide".equals(parts[2])) {
			return Optional.of(new IdeHost(parts[0], parts[1]));
		}
		return previewPort(parts[2]).map(port -> new IdeHost(parts[0], parts[1], port));
	}

	/** {@code p<port>}, the port 1–65535 without leading zeros (one name per port). */
	private static Optional<Integer> previewPort(String label) {
		if (!label.matches("p[1-9][0-9]{0,4}")) {
			return Optional.empty();
		}
		int port = Integer.parseInt(label.substring(1));
		return (port <= 65535) ? Optional.of(port) : Optional.empty();
	}

	/** The canonical host name: lowercase, no port. */
	String name(String domainSuffix) {
		String suffix = domainSuffix.toLowerCase(Locale.ROOT);
		return isPreview() ? Hostnames.preview(this.classId, this.studentId, this.port, suffix)
				: Hostnames.ide(this.classId, this.studentId, suffix);
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
