package io.caas.gateway.session;

import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.caas.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Whether a session ({@code sid} claim) is still alive, asked of auth-service and
 * believed for a few seconds. Logout, a password change or a disabled account end the
 * session in Redis: from then on every access token and IDE cookie of it is refused, at
 * once on this gateway (it forgets the answer when it relays the logout) and within the
 * cache time elsewhere.
 */
@Component
public class SessionLiveness {

	private final WebClient authService;

	private final AsyncCache<String, Boolean> cache;

	SessionLiveness(GatewayProperties properties) {
		this.authService = InternalClients.to(properties.authUri().toString());
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.sessionCacheTtl())
			.maximumSize(50_000)
			.buildAsync();
	}

	/** True while the session lives; an error when auth-service cannot say. */
	public Mono<Boolean> alive(String sid) {
		if (sid == null || sid.isBlank()) {
			return Mono.just(false);
		}
		return Mono.fromFuture(() -> this.cache.get(sid, (key, executor) -> ask(key)));
	}

	/** Drops what is known about a session, so its end is seen by the next request. */
	public void forget(String sid) {
		if (sid != null) {
			this.cache.synchronous().invalidate(sid);
		}
	}

	private CompletableFuture<Boolean> ask(String sid) {
		return this.authService.get()
			.uri("/internal/sessions/{sid}", sid)
			.retrieve()
			.toBodilessEntity()
			.map(response -> true)
			.onErrorResume(WebClientResponseException.class,
					ex -> (ex.getStatusCode() == HttpStatus.NOT_FOUND) ? Mono.just(false) : Mono.error(ex))
			.toFuture();
	}

}
