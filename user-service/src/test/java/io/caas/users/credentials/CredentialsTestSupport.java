package io.caas.users.credentials;

/** Passwords with the cheapest BCrypt cost, for tests of other packages. */
public final class CredentialsTestSupport {

	private CredentialsTestSupport() {
	}

	public static Passwords fastPasswords() {
		return new Passwords(new CredentialsProperties(4));
	}

}
