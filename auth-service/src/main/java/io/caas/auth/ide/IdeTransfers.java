package io.caas.auth.ide;

import java.time.Duration;
import java.util.Optional;

import io.caas.auth.AuthProperties;
import io.caas.auth.session.Secrets;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time tokens that carry a session from the app host to one IDE host:
 * {@code caas:ide-transfer:<sha256>} holds {@code <sid> <host> <path>} for a few seconds,
 * and redeeming deletes it (GETDEL), so a token works once, on the host it was made for.
 */
@Component
class IdeTransfers {

	static final String PREFIX = "caas:ide-transfer:";

	private final StringRedisTemplate redis;

	private final Duration ttl;

	IdeTransfers(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.ttl = properties.ideTransferTtl();
	}

	String create(String sid, String host, String path) {
		String token = Secrets.random(32);
		this.redis.opsForValue().set(PREFIX + Secrets.sha256(token), sid + " " + host + " " + path, this.ttl);
		return token;
	}

	/** The transfer, consumed; empty when unknown, used, expired or for another host. */
	Optional<Transfer> redeem(String token, String host) {
		String value = this.redis.opsForValue().getAndDelete(PREFIX + Secrets.sha256(token));
		if (value == null) {
			return Optional.empty();
		}
		String[] parts = value.split(" ", 3);
		if (parts.length != 3 || !parts[1].equals(host)) {
			return Optional.empty();
		}
		return Optional.of(new Transfer(parts[0], parts[1], parts[2]));
	}

	record Transfer(String sid, String host, String path) {
	}

}
