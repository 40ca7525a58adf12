package io.caas.classes.workspace;

/**
 * The one rule for relative paths inside a collection, applied to archive entries on the
 * way in and to download requests on the way out: non-empty segments separated by
 * {@code /}, none of them {@code .} or {@code ..}, no backslash, no control character.
 */
public final class SafePaths {

	private SafePaths() {
	}

	public static boolean isSafe(String relative) {
		if (relative == null || relative.isEmpty() || relative.length() > 4096 || relative.startsWith("/")) {
			return false;
		}
		for (int i = 0; i < relative.length(); i++) {
			char c = relative.charAt(i);
			if (c < 0x20 || c == 0x7f || c == '\\') {
				return false;
			}
		}
		for (String segment : relative.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

}
