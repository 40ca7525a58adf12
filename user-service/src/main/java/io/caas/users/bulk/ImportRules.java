package io.caas.users.bulk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.caas.common.identity.Role;
import io.caas.common.naming.Ids;

/**
 * Checks every import line, all of them (not just the first bad one), against the same
 * rules as creating one user; {@code existing} are the usernames already taken.
 */
final class ImportRules {

	static final int MIN_PASSWORD = 8;

	static final int MAX_PASSWORD_BYTES = 72;

	static final int MAX_DISPLAY_NAME = 80;

	private ImportRules() {
	}

	static List<ImportError> errors(List<ImportRow> rows, String initialPassword, Set<String> existing) {
		List<ImportError> errors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (ImportRow row : rows) {
			String name = row.username();
			if (!Ids.isValid(name)) {
				errors.add(error(row, "username", "invalid-username",
						"username '" + name + "' is invalid: use 1-32 lowercase letters or digits (no '-')"));
			}
			else if (seen.containsKey(name)) {
				errors.add(error(row, "username", "duplicate-username",
						"username '" + name + "' is listed twice (first on line " + seen.get(name) + ")"));
			}
			else if (existing.contains(name)) {
				errors.add(error(row, "username", "user-exists", "user '" + name + "' already exists"));
			}
			seen.putIfAbsent(name, row.line());
			if (roles(row.roles()) == null) {
				errors.add(error(row, "roles", "invalid-role", "roles '" + blankIfNull(row.roles())
						+ "' must be one or more of admin, teacher, student (separated by ';')"));
			}
			String password = password(row, initialPassword);
			if (password.isEmpty()) {
				errors.add(error(row, "password", "missing-password",
						"no password: fill the password column or give initialPassword"));
			}
			else if (password.length() < MIN_PASSWORD
					|| password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
				errors.add(error(row, "password", "invalid-password",
						"password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD_BYTES + " characters"));
			}
			if (row.displayName() != null && row.displayName().length() > MAX_DISPLAY_NAME) {
				errors.add(error(row, "displayName", "invalid-display-name",
						"display name must be at most " + MAX_DISPLAY_NAME + " characters"));
			}
		}
		return errors;
	}

	/** The line's own password, else the initial password for everyone, else empty. */
	static String password(ImportRow row, String initialPassword) {
		if (row.password() != null && !row.password().isEmpty()) {
			return row.password();
		}
		return (initialPassword != null) ? initialPassword : "";
	}

	/** The roles of a valid cell, or null when empty or naming an unknown role. */
	static Set<Role> roles(String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : Arrays.stream(cell.split("[;|\\s]+")).filter(s -> !s.isBlank()).toList()) {
			if (!name.matches("(?i)admin|teacher|student")) {
				return null;
			}
			roles.add(Role.fromWire(name));
		}
		return roles;
	}

	private static ImportError error(ImportRow row, String field, String code, String message) {
		return new ImportError(row.line(), row.username(), field, code, message);
	}

	private static String blankIfNull(String value) {
		return (value != null) ? value : "";
	}

}
