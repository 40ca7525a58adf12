package io.caas.users.credentials;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt hashing and checking. Checks for unknown users cost the same as real ones, so
 * response time does not reveal which usernames exist.
 */
@Component
public class Passwords {

	/** BCrypt ignores (newer Spring versions reject) anything past 72 bytes. */
	static final int MAX_BYTES = 72;

	private final BCryptPasswordEncoder encoder;

	private final String dummyHash;

	Passwords(CredentialsProperties properties) {
		this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
		this.dummyHash = this.encoder.encode(UUID.randomUUID().toString());
	}

	/** Hashes a new password; throws {@link IllegalArgumentException} when too long. */
	public String hash(String raw) {
		if (tooLong(raw)) {
			throw new IllegalArgumentException("password must be at most " + MAX_BYTES + " bytes");
		}
		return this.encoder.encode(raw);
	}

	/** Whether the password matches; pass a null hash for an unknown user. */
	public boolean matches(String raw, String hash) {
		if (hash == null || raw == null || tooLong(raw)) {
			this.encoder.matches("not-the-password", this.dummyHash);
			return false;
		}
		return this.encoder.matches(raw, hash);
	}

	private static boolean tooLong(String raw) {
		return raw != null && raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

}
