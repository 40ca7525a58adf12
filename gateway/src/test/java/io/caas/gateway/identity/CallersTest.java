package io.caas.gateway.identity;

import java.time.Instant;
import java.util.List;

import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallersTest {

	@Test
	void subjectAndRolesBecomeTheIdentity() {
		Identity who = Callers.fromJwt(jwt("teacher1", List.of("teacher", "admin")));

		assertThat(who.username()).isEqualTo("teacher1");
		assertThat(who.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.ADMIN);
	}

	@Test
	void roleNamesAreReadInAnyCaseAndUnknownOnesDropped() {
		Identity who = Callers.fromJwt(jwt("student1", List.of(" Student ", "wizard", "")));

		assertThat(who.roles()).containsExactly(Role.STUDENT);
		assertThat(who.rolesHeader()).isEqualTo("student");
	}

	@Test
	void missingRolesClaimMeansNoRoles() {
		Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").build();

		assertThat(Callers.fromJwt(token).roles()).isEmpty();
	}

	private static Jwt jwt(String subject, List<String> roles) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject(subject)
			.claim("roles", roles)
			.issuedAt(Instant.now())
			.build();
	}

}
