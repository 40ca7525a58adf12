package io.caas.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Tokens an attacker can make: unsigned ({@code alg: none}), signed with their own key
 * under the real key id, or a real token with its claims edited.
 */
final class ForgedTokens {

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private ForgedTokens() {
	}

	static String algNone(String username, String... roles) {
		return part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims(username, 900, roles)) + ".";
	}

	/** RS256 with a fresh key, copying the kid of a real token. */
	static String wrongKey(String realToken, String username, long expiresInSeconds, String... roles) {
		Map<?, ?> header = Http.JSON.readValue(Base64.getUrlDecoder().decode(realToken.split("\\.")[0]), Map.class);
		String signingInput = part(Map.of("alg", "RS256", "kid", String.valueOf(header.get("kid")))) + "."
				+ part(claims(username, expiresInSeconds, roles));
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Signature rs256 = Signature.getInstance("SHA256withRSA");
			rs256.initSign(pair.getPrivate());
			rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + B64.encodeToString(rs256.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The real signature over edited claims (here: roles raised to admin). */
	static String editedClaims(String realToken) {
		String[] parts = realToken.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"admin\"]");
		return parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	private static Map<String, Object> claims(String username, long expiresInSeconds, String... roles) {
		long now = Instant.now().getEpochSecond();
		return Map.of("sub", username, "iss", "caas-auth", "aud", List.of("caas-api"), "roles", List.of(roles), "sid",
				"forged", "iat", now - 60, "exp", now + expiresInSeconds);
	}

	private static String part(Map<String, ?> json) {
		return B64.encodeToString(Http.JSON.writeValueAsBytes(json));
	}

}
