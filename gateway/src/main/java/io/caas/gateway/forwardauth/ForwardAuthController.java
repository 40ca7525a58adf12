package io.caas.gateway.forwardauth;

import java.time.Duration;
import java.util.List;

import io.caas.common.error.CaasException;
import io.caas.common.identity.ProbeCredential;
import io.caas.gateway.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Traefik's forwardAuth target for every IDE host and every preview host (a shared port:
 * the same rules, its own host-bound cookie). A 2xx lets the request through to the
 * runtime (with only the student's own cookies), anything else is what the browser gets:
 * <ul>
 * <li>exactly {@code GET /healthz} on an IDE host passes without a sign-in when it
 * carries the probe token ({@link ProbeCredential}: class-service's readiness probes);
 * never on a preview host. Without the token it is an ordinary anonymous request, so its
 * answer is the same whether the host's IDE runs, is stopped or does not exist;</li>
 * <li>{@code /.caas/auth?token=} trades a one-time transfer token for the IDE
 * cookie;</li>
 * <li>a valid IDE cookie for this host and a live session passes;</li>
 * <li>anything else goes to the app host, which signs the browser in or refuses it.</li>
 * </ul>
 */
@RestController
class ForwardAuthController {

	static final String FORWARDED_HOST = "X-Forwarded-Host";

	static final String FORWARDED_URI = "X-Forwarded-Uri";

	static final String FORWARDED_METHOD = "X-Forwarded-Method";

	/**
	 * How many {@code caas_ide} cookies of one request are tried (each may cost a key
	 * lookup).
	 */
	static final int MAX_IDE_COOKIES = 4;

	private final GatewayProperties properties;

	private final IdeCredentials credentials;

	private final AuthTransfers transfers;

	private final IdeResponses responses;

	ForwardAuthController(GatewayProperties properties, IdeCredentials credentials, AuthTransfers transfers,
			IdeResponses responses) {
		this.properties = properties;
		this.credentials = credentials;
		this.transfers = transfers;
		this.responses = responses;
	}

	@GetMapping("/forward-auth")
	Mono<ResponseEntity<String>> check(ServerHttpRequest request) {
		String forwardedHost = request.getHeaders().getFirst(FORWARDED_HOST);
		IdeHost ide = IdeHost.parse(forwardedHost, this.properties.domainSuffix())
			.orElseThrow(() -> new CaasException(HttpStatus.FORBIDDEN, "not-an-ide-host",
					"'" + forwardedHost + "' is not an IDE host under " + this.properties.domainSuffix()));
		String host = ide.name(this.properties.domainSuffix());
		String port = IdeHost.portOf(forwardedHost);
		String uri = request.getHeaders().getFirst(FORWARDED_URI);
		UriComponents target = UriComponentsBuilder.fromUriString((uri == null || uri.isBlank()) ? "/" : uri).build();
		String path = (target.getPath() == null) ? "/" : target.getPath();
		// a preview's /healthz is the student's own content: never anonymous
		if (!ide.isPreview() && "GET".equals(request.getHeaders().getFirst(FORWARDED_METHOD)) && "/healthz".equals(path)
				&& ProbeCredential.matches(this.properties.probeToken(),
						request.getHeaders().getFirst(ProbeCredential.HEADER))) {
			return Mono.just(this.responses.pass(request));
		}
		if (IdeResponses.EXCHANGE_PATH.equals(path)) {
			String token = target.getQueryParams().getFirst("token");
			return ((token == null) ? Mono.<AuthTransfers.IdeToken>empty() : this.transfers.redeem(token, host))
				.map(signed -> this.responses.signedIn(ide, port, signed.ideToken(),
						Duration.ofSeconds(signed.expiresIn()), signed.path()))
				.defaultIfEmpty(this.responses.toAppHost(ide, port, "/"));
		}
		// Up to four cookies of that name, in order: one another host of the domain set
		// (a
		// student's server can set Domain cookies) must not shadow the one this host's
		// sign-in set. An error (keys unreachable) counts only if no cookie passes.
		List<HttpCookie> cookies = request.getCookies().getOrDefault(this.properties.ideCookie(), List.of());
		return Flux.fromIterable(cookies)
			.take(MAX_IDE_COOKIES)
			.concatMapDelayError(cookie -> this.credentials.verify(cookie.getValue(), host))
			.next()
			.map(valid -> this.responses.pass(request))
			.defaultIfEmpty(this.responses.toAppHost(ide, port, (uri == null) ? "/" : uri));
	}

}
