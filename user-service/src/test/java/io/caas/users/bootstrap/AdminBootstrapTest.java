package io.caas.users.bootstrap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.caas.common.identity.Role;
import io.caas.users.credentials.CredentialsTestSupport;
import io.caas.users.credentials.Passwords;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class AdminBootstrapTest {

	private final UserRepository users = mock(UserRepository.class);

	private final Passwords passwords = CredentialsTestSupport.fastPasswords();

	private final AdminBootstrap bootstrap = new AdminBootstrap(this.users, this.passwords,
			Clock.fixed(Instant.parse("2026-11-26T07:00:00Z"), ZoneOffset.UTC));

	@Test
	void createsAnAdminWhoMustChangeTheGivenPassword() {
		String password = this.bootstrap.createAdmin("root1", "a-long-first-password");
		User saved = saved();
		assertThat(password).isEqualTo("a-long-first-password");
		assertThat(saved.username()).isEqualTo("root1");
		assertThat(saved.roles()).containsExactly(Role.ADMIN);
		assertThat(saved.mustChangePassword()).isTrue();
		assertThat(this.passwords.matches("a-long-first-password", saved.passwordHash())).isTrue();
	}

	@Test
	void generatesAStrongPasswordWhenNoneIsGiven() {
		String first = this.bootstrap.createAdmin("root1", null);
		String second = new AdminBootstrap(mock(UserRepository.class), this.passwords, Clock.systemUTC())
			.createAdmin("root2", " ");
		assertThat(first).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(second);
		assertThat(this.passwords.matches(first, saved().passwordHash())).isTrue();
	}

	@Test
	void refusesAnExistingUserWithoutChangingIt() {
		when(this.users.insert(any(User.class))).thenThrow(new DuplicateKeyException("dup"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.bootstrap.createAdmin("admin", "a-long-password"))
			.withMessageContaining("already exists");
		verify(this.users, never()).save(any(User.class));
	}

	@Test
	void refusesInvalidUsernamesAndShortPasswordsBeforeTouchingTheStore() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.bootstrap.createAdmin("Root-1", "a-long-password"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.bootstrap.createAdmin("root1", "short"));
		verify(this.users, never()).insert(any(User.class));
	}

	private User saved() {
		ArgumentCaptor<User> captor = ArgumentCaptor.forClass(User.class);
		verify(this.users).insert(captor.capture());
		return captor.getValue();
	}

}
