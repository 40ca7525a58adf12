package io.caas.gateway.identity;

import java.util.EnumSet;
import java.util.Set;

import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdentityHeadersTest {

	@Test
	void stripRemovesReservedHeadersInAnyCase() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Caas-User", "admin");
		headers.add("x-caas-roles", "admin");
		headers.add("X-CAAS-Session", "s1");
		headers.add("X-Caas-", "empty suffix still reserved");
		headers.add("Accept", "application/json");
		headers.add("X-Caasy", "not reserved: no dash");
		headers.add("X-Forwarded-Host", "app.caas.localhost");

		ClientIdentityHeaders.strip(headers);

		assertThat(headers.headerNames()).containsExactlyInAnyOrder("Accept", "X-Caasy", "X-Forwarded-Host");
	}

	@Test
	void stripRemovesEveryValueOfARepeatedHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Caas-User", "admin");
		headers.add("X-Caas-User", "teacher1");

		ClientIdentityHeaders.strip(headers);

		assertThat(headers.get("X-Caas-User")).isNull();
	}

	@Test
	void anyReservedSeesLowerCaseNames() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("accept", "*/*");
		assertThat(ClientIdentityHeaders.anyReserved(headers)).isFalse();
		headers.add("x-caas-user", "admin");
		assertThat(ClientIdentityHeaders.anyReserved(headers)).isTrue();
	}

	@Test
	void assignReplacesClientValuesWithTheVerifiedIdentity() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-caas-user", "admin");
		headers.add("X-Caas-Roles", "admin");
		headers.add("X-Caas-Extra", "1");

		ClientIdentityHeaders.assign(headers, new Identity("teacher1", EnumSet.of(Role.TEACHER, Role.ADMIN)));

		assertThat(headers.get("X-Caas-User")).containsExactly("teacher1");
		assertThat(headers.get("X-Caas-Roles")).containsExactly("admin,teacher");
		assertThat(headers.get("X-Caas-Extra")).isNull();
	}

	@Test
	void assignWithoutRolesSendsAnEmptyRolesHeader() {
		HttpHeaders headers = new HttpHeaders();

		ClientIdentityHeaders.assign(headers, new Identity("ghost", Set.of()));

		assertThat(headers.get("X-Caas-Roles")).containsExactly("");
	}

}
