package io.caas.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caas.auth.AuthProperties;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sessions in Redis: {@code caas:session:<sid>} is a hash (user, roles, absolute end,
 * hash of the current refresh token), {@code caas:refresh:<sha256>} points a refresh
 * token at its session, {@code caas:refresh-used:<sha256>} remembers rotated tokens so
 * that a replay revokes the session, and {@code caas:user-sessions:<user>} lists a user's
 * sessions so they can all be ended at once. Only hashes of refresh tokens are stored.
 */
@Component
public class SessionStore {

	static final String SESSION_PREFIX = "caas:session:";

	static final String REFRESH_PREFIX = "caas:refresh:";

	static final String USED_PREFIX = "caas:refresh-used:";

	static final String USER_PREFIX = "caas:user-sessions:";

	private final StringRedisTemplate redis;

	private final Duration idleTtl;

	private final Duration maxTtl;

	private final Clock clock;

	SessionStore(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.idleTtl = properties.refreshTokenTtl();
		this.maxTtl = properties.sessionMaxTtl();
		this.clock = Clock.systemUTC();
	}

	public Session.Opened open(String username, List<String> roles) {
		return open(username, roles, Session.Start.PLAIN);
	}

	/**
	 * Opens a session, remembering when and from where it started (for the admins' list)
	 * and whether the password must be changed first.
	 */
	public Session.Opened open(String username, List<String> roles, Session.Start start) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.maxTtl);
		Session session = new Session(Secrets.random(16), username, roles, expiresAt, start.mustChangePassword());
		String refreshToken = Secrets.random(32);
		Map<Object, Object> fields = Map.of("user", username, "roles", String.join(",", roles), "expires",
				Long.toString(expiresAt.getEpochSecond()));
		Map<String, String> facts = new HashMap<>();
		facts.put(SessionInfo.CREATED, Long.toString(now.getEpochSecond()));
		facts.put(SessionInfo.PASSWORD_CHANGE, start.mustChangePassword() ? "1" : "0");
		if (start.clientAddress() != null) {
			facts.put(SessionInfo.ADDRESS, start.clientAddress());
		}
		if (start.userAgent() != null) {
			facts.put(SessionInfo.AGENT, start.userAgent());
		}
		transaction(ops -> {
			write(ops, session.sid(), fields, refreshToken);
			ops.opsForHash().putAll(SESSION_PREFIX + session.sid(), facts);
			ops.opsForSet().add(USER_PREFIX + username, session.sid());
			ops.expire(USER_PREFIX + username, this.maxTtl);
		});
		return new Session.Opened(session, refreshToken);
	}

	/**
	 * Trades a refresh token for a new one on the same session. Each token works once:
	 * deleting it is the first step, so two concurrent refreshes cannot both succeed. A
	 * token that was already traded is a stolen copy or a replay: the whole session ends.
	 */
	public Optional<Session.Opened> rotate(String refreshToken) {
		String oldHash = Secrets.sha256(refreshToken);
		String sid = this.redis.opsForValue().getAndDelete(REFRESH_PREFIX + oldHash);
		if (sid == null) {
			String usedBy = this.redis.opsForValue().get(USED_PREFIX + oldHash);
			if (usedBy != null) {
				close(usedBy);
			}
			return Optional.empty();
		}
		String newToken = Secrets.random(32);
		return Optional.ofNullable(this.redis.execute(new SessionCallback<Session.Opened>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> Session.Opened execute(RedisOperations<K, V> operations) {
				RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
				// WATCH before reading: a logout in between aborts EXEC instead of
				// half-reviving the session
				ops.watch(SESSION_PREFIX + sid);
				Map<Object, Object> fields = ops.opsForHash().entries(SESSION_PREFIX + sid);
				Optional<Session> session = toSession(sid, fields);
				if (!oldHash.equals(fields.get("refresh")) || session.isEmpty() || remaining(session.get()).isZero()) {
					ops.unwatch();
					return null;
				}
				ops.multi();
				write(ops, sid, fields, newToken);
				ops.opsForValue().set(USED_PREFIX + oldHash, sid, remaining(session.get()));
				List<Object> results = ops.exec();
				return (results == null || results.isEmpty()) ? null : new Session.Opened(session.get(), newToken);
			}
		}));
	}

	public Optional<Session> find(String sid) {
		return toSession(sid, this.redis.opsForHash().entries(SESSION_PREFIX + sid));
	}

	/**
	 * Records the account as user-service reports it now, so the next access token
	 * carries its roles and whether the password must still be changed.
	 */
	public Session updateAccount(Session session, List<String> roles, boolean mustChangePassword) {
		this.redis.opsForHash()
			.putAll(SESSION_PREFIX + session.sid(), Map.of("roles", String.join(",", roles),
					SessionInfo.PASSWORD_CHANGE, mustChangePassword ? "1" : "0"));
		return new Session(session.sid(), session.username(), roles, session.expiresAt(), mustChangePassword);
	}

	/**
	 * The live sessions of one user, or of everyone when {@code username} is null (a SCAN
	 * over session keys: admins ask rarely), newest first.
	 */
	public List<SessionInfo> list(String username) {
		List<String> sids = new ArrayList<>();
		if (username != null) {
			Set<String> members = this.redis.opsForSet().members(USER_PREFIX + username);
			sids.addAll((members != null) ? members : Set.of());
		}
		else {
			try (Cursor<String> keys = this.redis
				.scan(ScanOptions.scanOptions().match(SESSION_PREFIX + "*").count(1000).build())) {
				keys.forEachRemaining((key) -> sids.add(key.substring(SESSION_PREFIX.length())));
			}
		}
		List<SessionInfo> found = new ArrayList<>();
		for (String sid : sids) {
			Map<Object, Object> fields = this.redis.opsForHash().entries(SESSION_PREFIX + sid);
			toSession(sid, fields).ifPresent((session) -> found.add(SessionInfo.of(session, fields)));
		}
		found.sort(Comparator.comparing(SessionInfo::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
		return found;
	}

	/** The session a still-valid refresh token belongs to. */
	public Optional<String> sessionOfRefreshToken(String refreshToken) {
		return Optional.ofNullable(this.redis.opsForValue().get(REFRESH_PREFIX + Secrets.sha256(refreshToken)));
	}

	/** Ends the session and its refresh token; closing an unknown session is a no-op. */
	public void close(String sid) {
		Map<Object, Object> fields = this.redis.opsForHash().entries(SESSION_PREFIX + sid);
		this.redis.delete(SESSION_PREFIX + sid);
		if (fields.get("refresh") != null) {
			this.redis.delete(REFRESH_PREFIX + fields.get("refresh"));
		}
		if (fields.get("user") != null) {
			this.redis.opsForSet().remove(USER_PREFIX + fields.get("user"), sid);
		}
	}

	/** Ends every session of a user (password changed, account disabled); how many. */
	public int closeAll(String username) {
		Set<String> sids = this.redis.opsForSet().members(USER_PREFIX + username);
		if (sids == null) {
			return 0;
		}
		sids.forEach(this::close);
		this.redis.delete(USER_PREFIX + username);
		return sids.size();
	}

	/** How long the session may still live: the idle TTL, capped by its absolute end. */
	private Duration remaining(Session session) {
		Duration left = Duration.between(this.clock.instant(), session.expiresAt());
		if (left.isNegative()) {
			return Duration.ZERO;
		}
		return (left.compareTo(this.idleTtl) < 0) ? left : this.idleTtl;
	}

	/**
	 * Queued inside MULTI: (re)writes the session with a new refresh token, for the idle
	 * TTL but never past its absolute end.
	 */
	private void write(RedisOperations<String, String> ops, String sid, Map<Object, Object> fields,
			String refreshToken) {
		Map<String, String> hash = new HashMap<>();
		hash.put("user", (String) fields.get("user"));
		hash.put("roles", (String) fields.getOrDefault("roles", ""));
		hash.put("expires", (String) fields.get("expires"));
		hash.put("refresh", Secrets.sha256(refreshToken));
		hash.put(SessionInfo.REFRESHED, Long.toString(this.clock.instant().getEpochSecond()));
		Duration ttl = remaining(toSession(sid, fields).orElseThrow());
		ops.opsForHash().putAll(SESSION_PREFIX + sid, hash);
		ops.expire(SESSION_PREFIX + sid, ttl);
		ops.opsForValue().set(REFRESH_PREFIX + Secrets.sha256(refreshToken), sid, ttl);
	}

	private void transaction(java.util.function.Consumer<RedisOperations<String, String>> body) {
		this.redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings("unchecked")
			public <K, V> List<Object> execute(RedisOperations<K, V> operations) {
				RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
				ops.multi();
				body.accept(ops);
				return ops.exec();
			}
		});
	}

	private static Optional<Session> toSession(String sid, Map<Object, Object> fields) {
		if (fields.get("user") == null || fields.get("expires") == null) {
			return Optional.empty();
		}
		String roles = (String) fields.getOrDefault("roles", "");
		return Optional.of(new Session(sid, (String) fields.get("user"),
				Arrays.stream(roles.split(",")).filter((r) -> !r.isBlank()).toList(),
				Instant.ofEpochSecond(Long.parseLong((String) fields.get("expires"))),
				"1".equals(fields.get(SessionInfo.PASSWORD_CHANGE))));
	}

}
