package io.caas.gateway.session;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * WebClients for the gateway's own calls to services (sessions, transfers, class
 * teachers): short timeouts, because a browser waits on each of them.
 */
public final class InternalClients {

	private InternalClients() {
	}

	public static WebClient to(String baseUrl) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
			.responseTimeout(Duration.ofSeconds(5));
		return WebClient.builder().baseUrl(baseUrl).clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
