package io.caas.auth.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.caas.auth.session.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyFilesTest {

	@TempDir
	Path dir;

	@Test
	void firstStartWritesAPrivateKeyFileThatTheNextStartReusesWithTheSameKid() throws Exception {
		Path keys = this.dir.resolve("keys");
		SigningKey first = SigningKeyFiles.loadOrCreate(keys);
		Path file = keys.resolve(SigningKeyFiles.FILE_NAME);
		assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(first.publicKey().getModulus().bitLength()).isEqualTo(2048);

		SigningKey second = SigningKeyFiles.loadOrCreate(keys);
		assertThat(second.kid()).isEqualTo(first.kid());
		assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
	}

	@Test
	void unwritableKeyDirFallsBackToAnInMemoryKey() throws Exception {
		Path notADir = Files.writeString(this.dir.resolve("plain-file"), "x");
		SigningKey key = SigningKeyFiles.loadOrCreate(notADir.resolve("keys"));
		AccessTokens tokens = new AccessTokens(key, Duration.ofMinutes(1), Clock.systemUTC());
		assertThat(tokens
			.verify(tokens
				.issue(new Session("sid", "admin", List.of("admin"), java.time.Instant.now().plusSeconds(3600))))
			.getSubject()).isEqualTo("admin");
		assertThat(Files.exists(notADir.resolve("keys"))).isFalse();
	}

	@Test
	void corruptKeyFileFailsStartupInsteadOfSilentlyReplacingTheKey() throws Exception {
		Files.writeString(this.dir.resolve(SigningKeyFiles.FILE_NAME), "-----BEGIN PRIVATE KEY-----\nnope\n");
		assertThatIllegalStateException().isThrownBy(() -> SigningKeyFiles.loadOrCreate(this.dir))
			.withMessageContaining(SigningKeyFiles.FILE_NAME);
	}

	@Test
	void retiredKeyFilesArePublishedNextToTheSigningKey() throws Exception {
		SigningKey retired = SigningKeyFiles.loadOrCreate(this.dir.resolve("old"));
		Files.copy(this.dir.resolve("old").resolve(SigningKeyFiles.FILE_NAME),
				this.dir.resolve("retired-20261126.pem"));
		SigningKeys keys = SigningKeys.load(this.dir);
		assertThat(keys.current().kid()).isNotEqualTo(retired.kid());
		assertThat(keys.all()).extracting(SigningKey::kid).containsExactly(keys.current().kid(), retired.kid());
	}

}
