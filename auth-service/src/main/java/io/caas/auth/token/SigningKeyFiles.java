package io.caas.auth.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the signing key in {@code <keyDir>/signing-key.pem} (unencrypted PKCS#8, as
 * {@code openssl genpkey -algorithm RSA} writes it), so tokens survive restarts and
 * several replicas can share one key through a volume.
 */
final class SigningKeyFiles {

	static final String FILE_NAME = "signing-key.pem";

	private static final Logger log = LoggerFactory.getLogger(SigningKeyFiles.class);

	private SigningKeyFiles() {
	}

	static SigningKey loadOrCreate(Path dir) {
		Path file = dir.resolve(FILE_NAME);
		if (Files.isRegularFile(file)) {
			return read(file);
		}
		RSAPrivateCrtKey generated = generate();
		try {
			Files.createDirectories(dir);
			// CREATE_NEW: when two replicas start together, the second one adopts the
			// first's key
			Files.writeString(file, toPem(generated), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
			restrictToOwner(file);
			log.info("Generated a new signing key in {}", file);
			return fromPrivate(generated);
		}
		catch (FileAlreadyExistsException ex) {
			return read(file);
		}
		catch (IOException | SecurityException ex) {
			log.warn("Cannot write {} ({}): using an in-memory signing key, tokens will not survive a restart", file,
					ex.toString());
			return fromPrivate(generated);
		}
	}

	static SigningKey read(Path file) {
		try {
			String body = Files.readString(file, StandardCharsets.US_ASCII)
				.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
				.replaceAll("\\s", "");
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			return fromPrivate(
					(RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException("Cannot read RSA private key (PKCS#8 PEM) from " + file, ex);
		}
	}

	static String toPem(RSAPrivateCrtKey key) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
	}

	static RSAPrivateCrtKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static SigningKey fromPrivate(RSAPrivateCrtKey key) {
		try {
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
			return new SigningKey(key, publicKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void restrictToOwner(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			log.debug("Cannot restrict permissions of {}", file, ex);
		}
	}

}
