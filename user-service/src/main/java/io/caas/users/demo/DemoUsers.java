package io.caas.users.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.caas.common.identity.Role;
import io.caas.users.credentials.Passwords;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo users promised by the API contract. Existing users are left exactly as
 * they are, so a restart never resets a password someone changed.
 */
@Component
@Profile("demo")
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final UserRepository users;

	private final Passwords passwords;

	private final DemoProperties properties;

	DemoUsers(UserRepository users, Passwords passwords, DemoProperties properties) {
		this.users = users;
		this.passwords = passwords;
		this.properties = properties;
		if (properties.password() == null || properties.password().isBlank()) {
			throw new IllegalStateException("The demo profile needs DEMO_PASSWORD (infra/demo.env sets it)");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/** Returns the usernames it created. */
	List<String> seed() {
		List<String> created = new ArrayList<>();
		for (Seed seed : seeds()) {
			if (this.users.existsById(seed.username())) {
				continue;
			}
			try {
				this.users.insert(new User(seed.username(), this.passwords.hash(this.properties.password()),
						Set.of(seed.role()), seed.displayName(), false, Instant.now()));
				created.add(seed.username());
			}
			catch (DuplicateKeyException ex) {
				// another replica seeded it between our check and insert
			}
		}
		log.info("Demo seed: created {} ({} of {} demo users already existed)", created,
				seeds().size() - created.size(), seeds().size());
		return created;
	}

	static List<Seed> seeds() {
		Stream<Seed> staff = Stream.of(new Seed("admin", Role.ADMIN, "Admin"),
				new Seed("teacher1", Role.TEACHER, "Teacher 1"), new Seed("teacher2", Role.TEACHER, "Teacher 2"));
		Stream<Seed> students = IntStream.rangeClosed(1, 5)
			.mapToObj(i -> new Seed("student" + i, Role.STUDENT, "Student " + i));
		return Stream.concat(staff, students).toList();
	}

	record Seed(String username, Role role, String displayName) {
	}

}
