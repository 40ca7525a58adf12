package io.caas.common.identity;

import java.util.Locale;

/** The three kinds of people CaaS serves. */
public enum Role {

	ADMIN, TEACHER, STUDENT;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Role fromWire(String value) {
		return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
