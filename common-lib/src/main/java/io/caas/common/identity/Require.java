package io.caas.common.identity;

import java.util.Arrays;

import io.caas.common.error.CaasException;

/**
 * Role checks that read as sentences in controllers:
 * {@code Require.anyOf(who, Role.TEACHER)}.
 */
public final class Require {

	private Require() {
	}

	public static void anyOf(Identity who, Role... roles) {
		if (Arrays.stream(roles).noneMatch(who::has)) {
			throw CaasException.forbidden("Requires role " + Arrays.toString(roles).toLowerCase());
		}
	}

}
