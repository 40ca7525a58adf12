package io.caas.users.credentials;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PasswordsTest {

	private final Passwords passwords = new Passwords(new CredentialsProperties(4));

	@Test
	void hashIsBcryptAndMatchesOnlyTheSamePassword() {
		String hash = this.passwords.hash("caas-demo");
		assertThat(hash).startsWith("$2a$04$").doesNotContain("caas-demo");
		assertThat(this.passwords.matches("caas-demo", hash)).isTrue();
		assertThat(this.passwords.matches("caas-demo!", hash)).isFalse();
	}

	@Test
	void unknownUserNeverMatches() {
		assertThat(this.passwords.matches("anything", null)).isFalse();
	}

	@Test
	void passwordLongerThanBcryptCanTellApartNeverMatchesAndCannotBeSet() {
		String tooLong = "x".repeat(73);
		assertThat(this.passwords.matches(tooLong, this.passwords.hash("x".repeat(72)))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.passwords.hash(tooLong));
	}

}
