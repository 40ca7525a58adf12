package io.caas.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import io.caas.auth.AuthProperties;
import io.caas.auth.session.Session;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Issues and reads the RS256 access tokens the gateway verifies through the JWKS. */
@Component
public class AccessTokens {

	public static final String ISSUER = "caas-auth";

	private final SigningKey key;

	private final Duration ttl;

	private final Clock clock;

	private final JwtParser parser;

	@Autowired
	AccessTokens(SigningKey key, AuthProperties properties) {
		this(key, properties.accessTokenTtl(), Clock.systemUTC());
	}

	AccessTokens(SigningKey key, Duration ttl, Clock clock) {
		this.key = key;
		this.ttl = ttl;
		this.clock = clock;
		this.parser = Jwts.parser()
			.verifyWith(key.publicKey())
			.requireIssuer(ISSUER)
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	public String issue(Session session) {
		Instant now = this.clock.instant();
		return Jwts.builder()
			.header()
			.keyId(this.key.kid())
			.and()
			.subject(session.username())
			.claim("roles", session.roles())
			.claim("sid", session.sid())
			.issuer(ISSUER)
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(this.ttl)))
			.signWith(this.key.privateKey(), Jwts.SIG.RS256)
			.compact();
	}

	/** Seconds an access token issued now stays valid. */
	public long expiresIn() {
		return this.ttl.toSeconds();
	}

	/** Verified claims; throws {@link JwtException} for any invalid or expired token. */
	public Claims verify(String token) {
		return this.parser.parseSignedClaims(token).getPayload();
	}

	/**
	 * The session a token we signed belongs to, even once expired, so that a stale token
	 * can still log its session out. Empty when the token is not ours.
	 */
	public Optional<String> sessionOf(String token) {
		try {
			return Optional.ofNullable(verify(token).get("sid", String.class));
		}
		catch (ExpiredJwtException ex) {
			// thrown only after the signature was verified
			return Optional.ofNullable(ex.getClaims().get("sid", String.class));
		}
		catch (JwtException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
