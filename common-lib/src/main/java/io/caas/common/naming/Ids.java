package io.caas.common.naming;

import java.util.regex.Pattern;

/**
 * The rule for class and student ids: lowercase DNS-label characters without '-', so that
 * {@code <class>-<student>} in a hostname can always be split back and never collides.
 */
public final class Ids {

	public static final String RULE = "^[a-z0-9]([a-z0-9]{0,30}[a-z0-9])?$";

	private static final Pattern PATTERN = Pattern.compile(RULE);

	private Ids() {
	}

	public static boolean isValid(String id) {
		return id != null && PATTERN.matcher(id).matches();
	}

	/**
	 * Returns the id when valid, else throws {@link IllegalArgumentException} naming what
	 * is wrong.
	 */
	public static String require(String kind, String id) {
		if (!isValid(id)) {
			throw new IllegalArgumentException(
					kind + " id '" + id + "' is invalid: use 1-32 lowercase letters or digits (no '-', no upper case)");
		}
		return id;
	}

}
