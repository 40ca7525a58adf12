package io.caas.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens the way auth-service does, with a key pair made for the test run.
 */
public final class TestTokens {

	public static final String ISSUER = "caas-auth";

	private static final RSAKey KEY = generate("test-key");

	private static final RSAKey STRANGER = generate("test-key");

	private TestTokens() {
	}

	/** The JWKS auth-service would publish: public half only. */
	public static String jwks() {
		return new JWKSet(KEY.toPublicJWK()).toString();
	}

	public static String valid(String username, String... roles) {
		return sign(KEY, claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(15)), roles));
	}

	public static String expired(String username, String... roles) {
		// Well past the validator's default 60 s clock skew.
		return sign(KEY, claims(username, ISSUER, Instant.now().minus(Duration.ofMinutes(10)), roles));
	}

	public static String withIssuer(String issuer, String username, String... roles) {
		return sign(KEY, claims(username, issuer, Instant.now().plus(Duration.ofMinutes(15)), roles));
	}

	/** Same kid, other key: what a forger who guessed the kid would produce. */
	public static String signedByStranger(String username, String... roles) {
		return sign(STRANGER, claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(15)), roles));
	}

	/** Flips one bit in the signature, leaving header and claims intact. */
	public static String tampered(String token) {
		String[] parts = token.split("\\.");
		byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
		signature[signature.length / 2] ^= 0x01;
		return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
	}

	/** An access token of the named session (sids starting "ended" are logged out). */
	public static String ofSession(String sid, String username, String... roles) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(
				claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(15)), roles))
			.claim("sid", sid)
			.build();
		return sign(KEY, claims);
	}

	/** An access token of a session that must change its password first. */
	public static String passwordChangePending(String sid, String username, String... roles) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder(
				claims(username, ISSUER, Instant.now().plus(Duration.ofMinutes(15)), roles))
			.claim("sid", sid)
			.claim("pwd_change", true)
			.build();
		return sign(KEY, claims);
	}

	/** What auth-service mints for one IDE host: IDE audience, no roles. */
	public static String ide(String username, String host, String sid) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(username)
			.issuer(ISSUER)
			.audience("caas-ide")
			.claim("sid", sid)
			.claim("host", host)
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
			.build();
		return sign(KEY, claims);
	}

	private static JWTClaimsSet claims(String username, String issuer, Instant expiresAt, String... roles) {
		Instant issuedAt = expiresAt.minus(Duration.ofMinutes(15));
		return new JWTClaimsSet.Builder().subject(username)
			.issuer(issuer)
			.audience("caas-api")
			.claim("roles", List.of(roles))
			.claim("sid", UUID.randomUUID().toString())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
