package io.caas.users.bootstrap;

import java.io.PrintStream;
import java.time.Clock;

import io.caas.users.credentials.Passwords;
import io.caas.users.user.UserRepository;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * With {@code caas.bootstrap.username} set, the service creates that admin, prints the
 * outcome and exits (0 created, 1 refused) instead of serving: the first-admin command of
 * a production install, run inside the compose network ({@code bin/caas-admin}). No
 * endpoint exists for this, so nothing on the network can create admins.
 */
@Component
@ConditionalOnProperty("caas.bootstrap.username")
class BootstrapAdminRunner implements ApplicationRunner {

	private final AdminBootstrap bootstrap;

	private final BootstrapProperties properties;

	private final ConfigurableApplicationContext context;

	BootstrapAdminRunner(UserRepository users, Passwords passwords, BootstrapProperties properties,
			ConfigurableApplicationContext context) {
		this.bootstrap = new AdminBootstrap(users, passwords, Clock.systemUTC());
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		System.exit(SpringApplication.exit(this.context, () -> createAndReport(System.out)));
	}

	int createAndReport(PrintStream out) {
		String username = this.properties.username();
		try {
			String password = this.bootstrap.createAdmin(username, this.properties.password());
			boolean generated = this.properties.password() == null || this.properties.password().isBlank();
			out.println("caas-admin: created admin '" + username + "' (must change the password at first sign-in)");
			if (generated) {
				out.println("caas-admin: first password (shown once): " + password);
			}
			return 0;
		}
		catch (IllegalArgumentException ex) {
			out.println("caas-admin: refused: " + ex.getMessage());
			return 1;
		}
	}

}
