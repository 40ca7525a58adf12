package io.caas.classes.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import io.caas.common.naming.Ids;

/**
 * Object keys of collections. Every collection of a student is an immutable attempt:
 * {@code <classId>/<sessionId>/<studentId>/<attemptId>/files/<path>} and, written last,
 * {@code <classId>/<sessionId>/<studentId>/<attemptId>/manifest.json}.
 */
public final class WorkspaceKeys {

	/** Name of the object that makes an attempt complete. */
	public static final String MANIFEST = "manifest.json";

	private static final DateTimeFormatter ATTEMPT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern SESSION = Pattern.compile("^[a-z0-9-]{1,64}$");

	private static final Pattern ATTEMPT = Pattern.compile("^\\d{8}T\\d{9}Z-[0-9a-f]{6}$");

	private WorkspaceKeys() {
	}

	/**
	 * A new attempt id: UTC time, sortable, then 6 random hex chars so two never collide.
	 */
	public static String newAttemptId(Clock clock, RandomGenerator random) {
		byte[] suffix = new byte[3];
		random.nextBytes(suffix);
		return ATTEMPT_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
	}

	/** When the attempt was started, from its id. */
	public static Instant attemptTime(String attemptId) {
		return Instant.from(ATTEMPT_TIME.parse(requireAttempt(attemptId).substring(0, attemptId.indexOf('-'))));
	}

	public static String session(String classId, String sessionId) {
		return Ids.require("class", classId) + "/" + requireSession(sessionId) + "/";
	}

	public static String student(String classId, String sessionId, String studentId) {
		return session(classId, sessionId) + Ids.require("student", studentId) + "/";
	}

	public static String attempt(String classId, String sessionId, String studentId, String attemptId) {
		return student(classId, sessionId, studentId) + requireAttempt(attemptId) + "/";
	}

	public static String requireSession(String sessionId) {
		if (sessionId == null || !SESSION.matcher(sessionId).matches()) {
			throw new IllegalArgumentException("session id '" + sessionId + "' is invalid");
		}
		return sessionId;
	}

	public static String requireAttempt(String attemptId) {
		if (!isAttempt(attemptId)) {
			throw new IllegalArgumentException("attempt id '" + attemptId + "' is invalid");
		}
		return attemptId;
	}

	public static boolean isAttempt(String attemptId) {
		return attemptId != null && ATTEMPT.matcher(attemptId).matches();
	}

	public static boolean isSession(String sessionId) {
		return sessionId != null && SESSION.matcher(sessionId).matches();
	}

	/**
	 * The path of a tar entry relative to the workspace, or empty when the entry is the
	 * workspace folder itself or its name is unsafe. Docker names entries after the
	 * copied folder: {@code workspace/src/Main.java}.
	 */
	static Optional<String> relativePath(String entryName, String workspaceFolder) {
		String name = entryName.startsWith("./") ? entryName.substring(2) : entryName;
		String root = workspaceFolder + "/";
		if (!name.startsWith(root) || name.length() == root.length()) {
			return Optional.empty();
		}
		String relative = name.substring(root.length());
		if (relative.endsWith("/")) {
			relative = relative.substring(0, relative.length() - 1);
		}
		return SafePaths.isSafe(relative) ? Optional.of(relative) : Optional.empty();
	}

}
