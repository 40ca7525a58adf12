package io.caas.users.user;

import java.time.Instant;
import java.util.Set;

import io.caas.common.identity.Role;
import io.caas.users.FerretDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UserRepositoryIT {

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		FerretDb.register(registry, "caas-users-repository-it");
	}

	@Autowired
	UserRepository users;

	@BeforeEach
	void empty() {
		this.users.deleteAll();
	}

	@Test
	void insertedUserReadsBackWithRolesAndFlags() {
		this.users.insert(user("teacher1", Role.TEACHER, Role.ADMIN));
		User read = this.users.findById("teacher1").orElseThrow();
		assertThat(read.roles()).containsExactlyInAnyOrder(Role.TEACHER, Role.ADMIN);
		assertThat(read.roleNames()).containsExactly("admin", "teacher");
		assertThat(read.passwordHash()).isEqualTo("$2a$04$hash");
		assertThat(read.displayName()).isEqualTo("teacher1 name");
	}

	@Test
	void insertWithTakenUsernameFailsAndKeepsTheFirst() {
		this.users.insert(user("student1", Role.STUDENT));
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.users.insert(user("student1", Role.ADMIN)));
		assertThat(this.users.findById("student1").orElseThrow().roles()).containsExactly(Role.STUDENT);
	}

	@Test
	void findByRoleMatchesOneElementOfTheRolesArraySortedByUsername() {
		this.users.insert(user("student2", Role.STUDENT));
		this.users.insert(user("admin", Role.ADMIN));
		this.users.insert(user("student1", Role.STUDENT));
		this.users.insert(user("ta1", Role.TEACHER, Role.STUDENT));
		assertThat(this.users.findByRolesOrderByUsernameAsc(Role.STUDENT)).extracting(User::username)
			.containsExactly("student1", "student2", "ta1");
		assertThat(this.users.findAllByOrderByUsernameAsc()).extracting(User::username)
			.containsExactly("admin", "student1", "student2", "ta1");
	}

	private static User user(String username, Role... roles) {
		return new User(username, "$2a$04$hash", Set.of(roles), username + " name", false, Instant.now());
	}

}
