package io.caas.auth.token;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import io.caas.auth.AuthProperties;
import io.caas.auth.session.Session;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.InvalidKeyException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues and reads the RS256 tokens the gateway verifies through the JWKS. API access
 * tokens carry the audience {@value #API_AUDIENCE}; IDE tokens the audience
 * {@value #IDE_AUDIENCE} and the one IDE host they are good for, so neither works in the
 * other's place.
 */
@Component
public class AccessTokens {

	public static final String ISSUER = "caas-auth";

	public static final String API_AUDIENCE = "caas-api";

	public static final String IDE_AUDIENCE = "caas-ide";

	private final SigningKeys keys;

	private final Duration ttl;

	private final Clock clock;

	private final JwtParser parser;

	@Autowired
	AccessTokens(SigningKeys keys, AuthProperties properties) {
		this(keys, properties.accessTokenTtl(), Clock.systemUTC());
	}

	AccessTokens(SigningKey key, Duration ttl, Clock clock) {
		this(new SigningKeys(key, List.of()), ttl, clock);
	}

	AccessTokens(SigningKeys keys, Duration ttl, Clock clock) {
		this.keys = keys;
		this.ttl = ttl;
		this.clock = clock;
		this.parser = Jwts.parser().keyLocator(new LocatorAdapter<Key>() {
			@Override
			protected Key locate(ProtectedHeader header) {
				return keys.byKid(header.getKeyId())
					.map(SigningKey::publicKey)
					.orElseThrow(() -> new InvalidKeyException("unknown kid"));
			}
		}).requireIssuer(ISSUER).clock(() -> Date.from(clock.instant())).build();
	}

	public String issue(Session session) {
		Instant now = this.clock.instant();
		JwtBuilder builder = signed(session, API_AUDIENCE, now, now.plus(this.ttl)).claim("roles", session.roles());
		if (session.mustChangePassword()) {
			builder.claim(Session.PASSWORD_CHANGE_CLAIM, true);
		}
		return builder.compact();
	}

	/**
	 * A token for one IDE host only, valid until the session's absolute end: an IDE tab
	 * left open keeps working while the session lives, and dies with it (the gateway
	 * checks the {@code sid} on every request).
	 */
	public String issueIde(Session session, String host) {
		return signed(session, IDE_AUDIENCE, this.clock.instant(), session.expiresAt()).claim("host", host).compact();
	}

	private JwtBuilder signed(Session session, String audience, Instant now, Instant expiresAt) {
		return Jwts.builder()
			.header()
			.keyId(this.keys.current().kid())
			.and()
			.subject(session.username())
			.audience()
			.add(audience)
			.and()
			.claim("sid", session.sid())
			.issuer(ISSUER)
			.issuedAt(Date.from(now))
			.expiration(Date.from(expiresAt))
			.signWith(this.keys.current().privateKey(), Jwts.SIG.RS256);
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
