package io.caas.common;

import java.util.Set;

import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityTest {

	@Test
	void headersRoundTripRoles() {
		Identity who = Identity.fromHeaders("teacher1", "teacher, admin");
		assertThat(who.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.ADMIN);
		assertThat(who.rolesHeader()).isEqualTo("admin,teacher");
		assertThat(Identity.fromHeaders("teacher1", who.rolesHeader())).isEqualTo(who);
	}

	@Test
	void missingRolesHeaderMeansNoRoles() {
		assertThat(Identity.fromHeaders("student1", null).roles()).isEqualTo(Set.of());
	}

}
