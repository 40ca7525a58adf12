package io.caas.common.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as established by the gateway from a verified access token and passed
 * downstream in {@link IdentityHeaders}.
 */
public record Identity(String username, Set<Role> roles) {

	public Identity {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	/** Roles as the comma separated wire form used in headers and token claims. */
	public String rolesHeader() {
		return this.roles.stream().map(Role::wireName).sorted().collect(Collectors.joining(","));
	}

	public static Identity fromHeaders(String username, String roles) {
		Set<Role> parsed = (roles == null || roles.isBlank()) ? Set.of()
				: Arrays.stream(roles.split(","))
					.filter(s -> !s.isBlank())
					.map(Role::fromWire)
					.collect(Collectors.toSet());
		return new Identity(username, parsed);
	}

}
