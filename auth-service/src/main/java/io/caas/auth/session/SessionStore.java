package io.caas.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.auth.AuthProperties;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sessions in Redis: {@code caas:session:<sid>} is a hash (user, roles, hash of the
 * current refresh token) and {@code caas:refresh:<sha256>} points a refresh token at its
 * session. Only hashes of refresh tokens are stored, so a Redis dump cannot be replayed.
 */
@Component
public class SessionStore {

	static final String SESSION_PREFIX = "caas:session:";

	static final String REFRESH_PREFIX = "caas:refresh:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StringRedisTemplate redis;

	private final Duration ttl;

	SessionStore(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.ttl = properties.refreshTokenTtl();
	}

	public Session.Opened open(String username, List<String> roles) {
		Session session = new Session(random(16), username, roles);
		String refreshToken = random(32);
		Map<Object, Object> fields = Map.of("user", username, "roles", String.join(",", roles));
		this.redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> List<Object> execute(RedisOperations<K, V> operations) {
				RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
				ops.multi();
				write(ops, session.sid(), fields, refreshToken);
				return ops.exec();
			}
		});
		return new Session.Opened(session, refreshToken);
	}

	/**
	 * Trades a refresh token for a new one on the same session. Each token works once:
	 * deleting it is the first step, so two concurrent refreshes cannot both succeed.
	 */
	public Optional<Session.Opened> rotate(String refreshToken) {
		String oldHash = sha256(refreshToken);
		String sid = this.redis.opsForValue().getAndDelete(REFRESH_PREFIX + oldHash);
		if (sid == null) {
			return Optional.empty();
		}
		String newToken = random(32);
		return Optional.ofNullable(this.redis.execute(new SessionCallback<Session.Opened>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> Session.Opened execute(RedisOperations<K, V> operations) {
				RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
				// WATCH before reading: a logout in between aborts EXEC instead of
				// half-reviving the session
				ops.watch(SESSION_PREFIX + sid);
				Map<Object, Object> fields = ops.opsForHash().entries(SESSION_PREFIX + sid);
				if (!oldHash.equals(fields.get("refresh"))) {
					ops.unwatch();
					return null;
				}
				ops.multi();
				write(ops, sid, fields, newToken);
				List<Object> results = ops.exec();
				return (results == null || results.isEmpty()) ? null
						: new Session.Opened(toSession(sid, fields).orElseThrow(), newToken);
			}
		}));
	}

	public Optional<Session> find(String sid) {
		return toSession(sid, this.redis.opsForHash().entries(SESSION_PREFIX + sid));
	}

	/** The session a still-valid refresh token belongs to. */
	public Optional<String> sessionOfRefreshToken(String refreshToken) {
		return Optional.ofNullable(this.redis.opsForValue().get(REFRESH_PREFIX + sha256(refreshToken)));
	}

	/** Ends the session and its refresh token; closing an unknown session is a no-op. */
	public void close(String sid) {
		Object refreshHash = this.redis.opsForHash().get(SESSION_PREFIX + sid, "refresh");
		this.redis.delete(SESSION_PREFIX + sid);
		if (refreshHash != null) {
			this.redis.delete(REFRESH_PREFIX + refreshHash);
		}
	}

	/**
	 * Queued inside MULTI: (re)writes the session with a new refresh token and full TTL.
	 */
	private void write(RedisOperations<String, String> ops, String sid, Map<Object, Object> fields,
			String refreshToken) {
		Map<String, String> hash = new HashMap<>();
		hash.put("user", (String) fields.get("user"));
		hash.put("roles", (String) fields.getOrDefault("roles", ""));
		hash.put("refresh", sha256(refreshToken));
		ops.opsForHash().putAll(SESSION_PREFIX + sid, hash);
		ops.expire(SESSION_PREFIX + sid, this.ttl);
		ops.opsForValue().set(REFRESH_PREFIX + sha256(refreshToken), sid, this.ttl);
	}

	private static Optional<Session> toSession(String sid, Map<Object, Object> fields) {
		if (fields.get("user") == null) {
			return Optional.empty();
		}
		String roles = (String) fields.getOrDefault("roles", "");
		return Optional.of(new Session(sid, (String) fields.get("user"),
				Arrays.stream(roles.split(",")).filter((r) -> !r.isBlank()).toList()));
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
