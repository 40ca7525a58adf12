package io.caas.classes.submission;

import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Short-lived links to one file of one attempt: an HMAC-SHA256 over what the link opens,
 * who may open it and until when. The link still needs the caller's API credential; the
 * signature makes it single-purpose and expiring, so a copied URL is worth little.
 */
@Component
class SignedLinks {

	private final SecretKeySpec key;

	private final Clock clock;

	private final long ttlSeconds;

	SignedLinks(SubmissionProperties properties, Clock clock) {
		byte[] secret = properties.linkSecret().isBlank() ? random()
				: properties.linkSecret().getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.clock = clock;
		this.ttlSeconds = properties.linkTtl().toSeconds();
	}

	Instant expiry() {
		return this.clock.instant().plusSeconds(this.ttlSeconds);
	}

	String sign(FileRef ref, String username, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			String message = String.join("\n", ref.classId(), ref.sessionId(), ref.studentId(), ref.attemptId(),
					ref.path(), username, Long.toString(expires));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether the signature is ours for exactly this file and user and has not expired.
	 */
	boolean valid(FileRef ref, String username, long expires, String signature) {
		if (signature == null || expires < this.clock.instant().getEpochSecond()) {
			return false;
		}
		return MessageDigest.isEqual(sign(ref, username, expires).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] random() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

	/** One file of one attempt. */
	record FileRef(String classId, String sessionId, String studentId, String attemptId, String path) {
	}

}
