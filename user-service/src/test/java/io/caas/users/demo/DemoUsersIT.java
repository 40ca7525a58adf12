package io.caas.users.demo;

import io.caas.users.FerretDb;
import io.caas.users.credentials.Passwords;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile seeds the contract's users once, and never overwrites them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "caas.users.bcrypt-strength=4", "caas.demo.password=demo-it-pass" })
@ActiveProfiles("demo")
class DemoUsersIT {

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		FerretDb.register(registry, "caas-users-demo-it");
	}

	@Autowired
	DemoUsers demoUsers;

	@Autowired
	UserRepository users;

	@Autowired
	Passwords passwords;

	@Test
	void startupSeedsContractUsersAndSecondSeedKeepsChangedPassword() {
		assertThat(this.users.findAllByOrderByUsernameAsc()).extracting(User::username)
			.contains("admin", "teacher1", "teacher2", "student1", "student2", "student3", "student4", "student5");
		User student3 = this.users.findById("student3").orElseThrow();
		assertThat(student3.displayName()).isEqualTo("Student 3");
		assertThat(student3.roleNames()).containsExactly("student");
		assertThat(this.passwords.matches("demo-it-pass", student3.passwordHash())).isTrue();
		assertThat(this.users.findById("admin").orElseThrow().roleNames()).containsExactly("admin");

		this.users.save(student3.withPassword(this.passwords.hash("changed-pass"), false));
		this.users.deleteById("student5");

		assertThat(this.demoUsers.seed()).containsExactly("student5");
		assertThat(this.passwords.matches("changed-pass", this.users.findById("student3").orElseThrow().passwordHash()))
			.isTrue();
		assertThat(this.demoUsers.seed()).isEmpty();
	}

}
