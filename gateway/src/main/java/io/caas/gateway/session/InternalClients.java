package io.caas.gateway.session;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * WebClients for the gateway's own calls to services (sessions, transfers, class
 * teachers): short timeouts, because a browser waits on each of them.
 */
public final class InternalClients {

	/**
	 * A pool of its own: a connection a service closed while idle is dropped before it is
	 * reused, and waiting for a free connection fails fast instead of hanging a browser.
	 */
	private static final ConnectionProvider POOL = ConnectionProvider.builder("caas-internal")
		.maxConnections(64)
		.pendingAcquireTimeout(Duration.ofSeconds(5))
		.maxIdleTime(Duration.ofSeconds(10))
		.evictInBackground(Duration.ofSeconds(30))
		.build();

	private InternalClients() {
	}

	public static WebClient to(String baseUrl) {
		HttpClient http = HttpClient.create(POOL)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
			.responseTimeout(Duration.ofSeconds(5));
		return WebClient.builder().baseUrl(baseUrl).clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
