package io.caas.auth.token;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key that signs now and the retired keys that still verify. Rotation: rename
 * {@code signing-key.pem} to {@code retired-<date>.pem} and restart; a new key is
 * generated, and the old one keeps verifying tokens (IDE cookies live as long as a
 * session) until the operator deletes it after the session lifetime.
 *
 * @param current signs every new token
 * @param retired verify only
 */
record SigningKeys(SigningKey current, List<SigningKey> retired) {

	static final String RETIRED_GLOB = "retired-*.pem";

	SigningKeys {
		retired = List.copyOf(retired);
	}

	static SigningKeys load(Path dir) {
		SigningKey current = SigningKeyFiles.loadOrCreate(dir);
		List<SigningKey> retired = new ArrayList<>();
		if (Files.isDirectory(dir)) {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, RETIRED_GLOB)) {
				files.forEach(file -> retired.add(SigningKeyFiles.read(file)));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot list retired keys in " + dir, ex);
			}
		}
		return new SigningKeys(current, retired);
	}

	/** Every key a token of ours may be signed with, the current one first. */
	List<SigningKey> all() {
		List<SigningKey> all = new ArrayList<>();
		all.add(this.current);
		all.addAll(this.retired);
		return all;
	}

	Optional<SigningKey> byKid(String kid) {
		return all().stream().filter(key -> key.kid().equals(kid)).findFirst();
	}

}
