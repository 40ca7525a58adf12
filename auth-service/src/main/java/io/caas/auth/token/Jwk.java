package io.caas.auth.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * An RSA public key as a JSON Web Key (RFC 7517), with its RFC 7638 thumbprint as
 * {@code kid}.
 */
record Jwk(String kty, String kid, String use, String alg, String n, String e) {

	static Jwk of(RSAPublicKey key) {
		String n = base64Url(unsigned(key.getModulus()));
		String e = base64Url(unsigned(key.getPublicExponent()));
		return new Jwk("RSA", thumbprint(n, e), "sig", "RS256", n, e);
	}

	/** RFC 7638: SHA-256 over the required members in lexicographic order. */
	static String thumbprint(String n, String e) {
		String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return base64Url(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
