package io.caas.classes.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@link IdeProbe} through Traefik: {@code GET <probe-url><health-path>} with the IDE's
 * {@code Host}. Only code-server's own health JSON counts; the edge's 404, a catch-all
 * page or a forward-auth redirect do not. Every probe carries the probe token
 * ({@link EdgeHealthRequest}): {@code GET /healthz} with it has a router of its own
 * without forward-auth (routing/Labels); READY also asks once by the main router, where
 * forward-auth lets this path through with the token. A blank probe URL means no edge to
 * ask (tests of the orchestration alone): every running IDE counts as answering.
 */
@Component
class EdgeIdeProbe implements IdeProbe, DisposableBean {

	private final RoutingProperties routing;

	private final CloseableHttpClient http;

	EdgeIdeProbe(RoutingProperties routing) {
		this.routing = routing;
		Timeout timeout = Timeout.ofSeconds(3);
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(64)
				.setMaxConnPerRoute(64)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
			.build();
	}

	/**
	 * Probed by the cheap router (no forward-auth) until code-server answers, then once
	 * more by the route a browser takes: READY is what the student can open.
	 */
	@Override
	public boolean answers(String classId, String studentId) {
		EdgeHealthRequest edge = EdgeHealthRequest.of(this.routing, classId, studentId).orElse(null);
		if (edge == null) {
			return true;
		}
		return healthy(edge) && healthy(edge.byFullRoute());
	}

	private boolean healthy(EdgeHealthRequest edge) {
		try {
			return this.http.execute(edge.target(), edge.request(), response -> {
				String body = (response.getEntity() != null)
						? EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8) : "";
				return response.getCode() == 200 && body.contains("\"lastHeartbeat\"");
			});
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

}
