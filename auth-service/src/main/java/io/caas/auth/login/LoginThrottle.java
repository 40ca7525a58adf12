package io.caas.auth.login;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.caas.auth.AuthProperties;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in Redis over a fixed window.
 * Once either count reaches its limit, logins are refused before any password is checked
 * until the window ends, so guessing costs the attacker time and user-service nothing.
 */
@Component
class LoginThrottle {

	static final String ACCOUNT_PREFIX = "caas:login-fail:account:";

	static final String ADDRESS_PREFIX = "caas:login-fail:address:";

	private final StringRedisTemplate redis;

	private final AuthProperties.LoginThrottle limits;

	LoginThrottle(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.limits = properties.loginThrottle();
	}

	/** How long the caller must wait, when either limit is reached. */
	Optional<Duration> blocked(String username, String address) {
		Optional<Duration> account = wait(ACCOUNT_PREFIX + account(username), this.limits.perAccount());
		return account.isPresent() ? account : wait(ADDRESS_PREFIX + address, this.limits.perAddress());
	}

	void failed(String username, String address) {
		count(ACCOUNT_PREFIX + account(username));
		count(ADDRESS_PREFIX + address);
	}

	void succeeded(String username) {
		this.redis.delete(ACCOUNT_PREFIX + account(username));
	}

	private Optional<Duration> wait(String key, int limit) {
		String value = this.redis.opsForValue().get(key);
		if (value == null || Long.parseLong(value) < limit) {
			return Optional.empty();
		}
		Long seconds = this.redis.getExpire(key);
		return Optional.of(Duration.ofSeconds((seconds == null || seconds < 1) ? 1 : seconds));
	}

	private void count(String key) {
		Long count = this.redis.opsForValue().increment(key);
		if (count != null && count == 1) {
			this.redis.expire(key, this.limits.window());
		}
	}

	private static String account(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

}
