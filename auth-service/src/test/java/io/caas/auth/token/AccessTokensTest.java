package io.caas.auth.token;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import io.caas.auth.session.Session;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokensTest {

	private static final Session SESSION = new Session("sid123", "teacher1", List.of("admin", "teacher"),
			Instant.parse("2030-01-01T00:00:00Z"));

	private final SigningKey key = SigningKeyFiles.fromPrivate(SigningKeyFiles.generate());

	private final AccessTokens tokens = new AccessTokens(this.key, Duration.ofMinutes(15), Clock.systemUTC());

	@Test
	void issuedTokenVerifiesWithThePublicKeyAndCarriesTheContractClaims() {
		Jws<Claims> jws = Jwts.parser()
			.verifyWith(this.key.publicKey())
			.build()
			.parseSignedClaims(this.tokens.issue(SESSION));
		assertThat(jws.getHeader().getAlgorithm()).isEqualTo("RS256");
		assertThat(jws.getHeader().getKeyId()).isEqualTo(this.key.kid()).isNotBlank();
		Claims claims = jws.getPayload();
		assertThat(claims.getSubject()).isEqualTo("teacher1");
		assertThat(claims.get("roles", List.class)).containsExactly("admin", "teacher");
		assertThat(claims.get("sid", String.class)).isEqualTo("sid123");
		assertThat(claims.getIssuer()).isEqualTo("caas-auth");
		assertThat(Duration.between(claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));
		assertThat(this.tokens.expiresIn()).isEqualTo(900);
	}

	@Test
	void tokenOfASessionThatMustChangeItsPasswordSaysSoAndOthersDoNot() {
		Session pending = new Session("sid9", "student1", List.of("student"), Instant.parse("2030-01-01T00:00:00Z"),
				true);
		assertThat(this.tokens.verify(this.tokens.issue(pending)).get(Session.PASSWORD_CHANGE_CLAIM, Boolean.class))
			.isTrue();
		assertThat(this.tokens.verify(this.tokens.issue(SESSION)).containsKey(Session.PASSWORD_CHANGE_CLAIM)).isFalse();
	}

	@Test
	void tamperedTokenIsRejected() {
		String[] parts = this.tokens.issue(SESSION).split("\\.");
		String forgedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					new String(Base64.getUrlDecoder().decode(parts[1])).replace("teacher1", "admin").getBytes());
		String forged = parts[0] + "." + forgedPayload + "." + parts[2];
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.verify(forged));
		assertThat(this.tokens.sessionOf(forged)).isEmpty();
	}

	@Test
	void tokenSignedByAnotherKeyIsRejected() {
		AccessTokens other = new AccessTokens(SigningKeyFiles.fromPrivate(SigningKeyFiles.generate()),
				Duration.ofMinutes(15), Clock.systemUTC());
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.verify(other.issue(SESSION)));
	}

	@Test
	void expiredTokenFailsVerificationButStillNamesItsSessionForLogout() {
		Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
		String stale = new AccessTokens(this.key, Duration.ofMinutes(15), past).issue(SESSION);
		assertThatExceptionOfType(ExpiredJwtException.class).isThrownBy(() -> this.tokens.verify(stale));
		assertThat(this.tokens.sessionOf(stale)).contains("sid123");
	}

	@Test
	void jwksModulusAndExponentRebuildTheVerifyingKey() throws Exception {
		Jwk jwk = this.key.jwk();
		assertThat(jwk.kty()).isEqualTo("RSA");
		assertThat(jwk.use()).isEqualTo("sig");
		assertThat(jwk.alg()).isEqualTo("RS256");
		PublicKey rebuilt = KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.n())),
					new BigInteger(1, Base64.getUrlDecoder().decode(jwk.e()))));
		assertThat(Jwts.parser()
			.verifyWith(rebuilt)
			.build()
			.parseSignedClaims(this.tokens.issue(SESSION))
			.getPayload()
			.getSubject()).isEqualTo("teacher1");
	}

	@Test
	void kidIsTheRfc7638ThumbprintOfThePublicKey() {
		String expected = Jwks.builder().key(this.key.publicKey()).build().thumbprint().toString();
		assertThat(this.key.kid()).isEqualTo(expected);
	}

	@Test
	void thumbprintMatchesTheRfc7638Example() {
		String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRX"
				+ "jBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8"
				+ "KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_"
				+ "xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
		assertThat(Jwk.thumbprint(n, "AQAB")).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
	}

	@Test
	void apiTokenCarriesTheApiAudienceAndIdeTokenTheIdeAudienceAndItsHostUntilTheSessionEnds() {
		assertThat(this.tokens.verify(this.tokens.issue(SESSION)).getAudience()).containsExactly("caas-api");
		Claims ide = this.tokens.verify(this.tokens.issueIde(SESSION, "cs101-student1-ide.caas.localhost"));
		assertThat(ide.getAudience()).containsExactly("caas-ide");
		assertThat(ide.get("host", String.class)).isEqualTo("cs101-student1-ide.caas.localhost");
		assertThat(ide.get("sid", String.class)).isEqualTo("sid123");
		assertThat(ide.get("roles")).isNull();
		assertThat(ide.getExpiration().toInstant()).isEqualTo(SESSION.expiresAt());
	}

	@Test
	void retiredKeyStillVerifiesWhatItSignedWhileTheCurrentKeySignsNewTokens() {
		SigningKey retired = SigningKeyFiles.fromPrivate(SigningKeyFiles.generate());
		String old = new AccessTokens(retired, Duration.ofMinutes(15), Clock.systemUTC()).issue(SESSION);
		AccessTokens rotated = new AccessTokens(new SigningKeys(this.key, List.of(retired)), Duration.ofMinutes(15),
				Clock.systemUTC());
		assertThat(rotated.verify(old).getSubject()).isEqualTo("teacher1");
		assertThat(Jwts.parser()
			.verifyWith(this.key.publicKey())
			.build()
			.parseSignedClaims(rotated.issue(SESSION))
			.getHeader()
			.getKeyId()).isEqualTo(this.key.kid());
	}

}
