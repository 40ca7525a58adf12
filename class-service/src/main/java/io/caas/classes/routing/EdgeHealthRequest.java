package io.caas.classes.routing;

import java.net.URI;
import java.util.Optional;

import io.caas.common.identity.ProbeCredential;
import io.caas.common.naming.Hostnames;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * {@code GET <probe-url><probe-path>} with a student's IDE host and the probe token
 * ({@link ProbeCredential}): how class-service asks an IDE through the edge, for
 * readiness and for its heartbeat.
 *
 * @param target the edge (Traefik as class-service reaches it)
 * @param request the request, its Host the IDE's
 */
public record EdgeHealthRequest(HttpHost target, BasicClassicHttpRequest request) {

	/** The request, or empty when no edge is configured (blank probe URL). */
	public static Optional<EdgeHealthRequest> of(RoutingProperties routing, String classId, String studentId) {
		if (!routing.probes()) {
			return Optional.empty();
		}
		URI edge = URI.create(routing.probeUrl());
		HttpHost target = new HttpHost(edge.getScheme(), edge.getHost(), edge.getPort());
		String host = Hostnames.ide(classId, studentId, routing.domainSuffix());
		BasicClassicHttpRequest request = new BasicClassicHttpRequest("GET", target, routing.probePath());
		request.setAuthority(new URIAuthority(host));
		request.setHeader(HttpHeaders.HOST, host);
		request.setHeader(ProbeCredential.HEADER, routing.probeToken());
		return Optional.of(new EdgeHealthRequest(target, request));
	}

	/**
	 * The same request by the main router, forward-auth included, as a student's browser
	 * goes ({@link Labels#PROBE_ROUTE_HEADER}): the cheap probe router alone does not
	 * prove that route.
	 */
	public EdgeHealthRequest byFullRoute() {
		BasicClassicHttpRequest full = new BasicClassicHttpRequest("GET", this.target, this.request.getPath());
		full.setAuthority(this.request.getAuthority());
		full.setHeader(HttpHeaders.HOST, this.request.getFirstHeader(HttpHeaders.HOST).getValue());
		full.setHeader(ProbeCredential.HEADER, this.request.getFirstHeader(ProbeCredential.HEADER).getValue());
		full.setHeader(Labels.PROBE_ROUTE_HEADER, Labels.FULL_ROUTE);
		return new EdgeHealthRequest(this.target, full);
	}

}
