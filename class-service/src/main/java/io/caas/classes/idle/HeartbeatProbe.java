package io.caas.classes.idle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.caas.classes.routing.EdgeHealthRequest;
import io.caas.classes.routing.RoutingProperties;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads one IDE's heartbeat: {@code GET /healthz} through the edge with the IDE's host
 * and the probe token (the runtime's probe router, no forward-auth; code-server does not
 * count it as activity). One small request per runtime per check, never an exec in the
 * container. Empty when the IDE does not answer with code-server's JSON, or without an
 * edge to ask.
 */
@Component
public class HeartbeatProbe implements DisposableBean {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RoutingProperties routing;

	private final CloseableHttpClient http = HttpClients.custom()
		.setDefaultRequestConfig(RequestConfig.custom()
			.setConnectionRequestTimeout(Timeout.ofSeconds(3))
			.setResponseTimeout(Timeout.ofSeconds(3))
			.build())
		.disableRedirectHandling()
		.disableAutomaticRetries()
		.build();

	HeartbeatProbe(RoutingProperties routing) {
		this.routing = routing;
	}

	public Optional<IdleRule.Heartbeat> read(String classId, String studentId) {
		EdgeHealthRequest edge = EdgeHealthRequest.of(this.routing, classId, studentId).orElse(null);
		if (edge == null) {
			return Optional.empty();
		}
		try {
			return this.http.execute(edge.target(), edge.request(), response -> {
				if (response.getCode() != 200 || response.getEntity() == null) {
					return Optional.empty();
				}
				return parse(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
			});
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static Optional<IdleRule.Heartbeat> parse(String body) {
		try {
			JsonNode json = JSON.readTree(body);
			if (!json.has("status") || !json.has("lastHeartbeat")) {
				return Optional.empty();
			}
			return Optional
				.of(new IdleRule.Heartbeat(json.path("status").asString(), json.path("lastHeartbeat").asLong()));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

}
