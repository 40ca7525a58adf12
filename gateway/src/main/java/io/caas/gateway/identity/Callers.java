package io.caas.gateway.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;

import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a verified access token into the {@link Identity} that services receive. */
public final class Callers {

	static final String ROLES_CLAIM = "roles";

	private Callers() {
	}

	/**
	 * Reads {@code sub} and the {@code roles} claim. Role names CaaS does not know are
	 * dropped: passing them on would make every downstream service fail to parse the
	 * header.
	 */
	public static Identity fromJwt(Jwt jwt) {
		List<String> claimed = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : (claimed != null) ? claimed : List.<String>of()) {
			Role role = known(name);
			if (role != null) {
				roles.add(role);
			}
		}
		return new Identity(jwt.getSubject(), roles);
	}

	private static Role known(String name) {
		if (name == null) {
			return null;
		}
		String wire = name.trim().toLowerCase(Locale.ROOT);
		for (Role role : Role.values()) {
			if (role.wireName().equals(wire)) {
				return role;
			}
		}
		return null;
	}

}
