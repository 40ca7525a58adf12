package io.caas.classes.workspace;

import java.util.Optional;

import io.caas.common.naming.Ids;

/** Object keys of saved workspaces: {@code <classId>/<sessionId>/<studentId>/<path>}. */
public final class WorkspaceKeys {

	private WorkspaceKeys() {
	}

	public static String prefix(String classId, String sessionId, String studentId) {
		if (sessionId == null || !sessionId.matches("^[a-z0-9-]{1,64}$")) {
			throw new IllegalArgumentException("session id '" + sessionId + "' is invalid");
		}
		return Ids.require("class", classId) + "/" + sessionId + "/" + Ids.require("student", studentId) + "/";
	}

	/**
	 * The path of a tar entry relative to the workspace, or empty when the entry is the
	 * workspace folder itself or escapes it. Docker names entries after the copied
	 * folder: {@code workspace/src/Main.java}.
	 */
	static Optional<String> relativePath(String entryName, String workspaceFolder) {
		String name = entryName.startsWith("./") ? entryName.substring(2) : entryName;
		String root = workspaceFolder + "/";
		if (!name.startsWith(root) || name.length() == root.length()) {
			return Optional.empty();
		}
		String relative = name.substring(root.length());
		for (String segment : relative.split("/")) {
			if (segment.equals("..") || segment.equals(".")) {
				return Optional.empty();
			}
		}
		return relative.startsWith("/") || relative.endsWith("/") ? Optional.empty() : Optional.of(relative);
	}

}
