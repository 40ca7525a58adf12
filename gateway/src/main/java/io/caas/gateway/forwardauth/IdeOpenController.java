package io.caas.gateway.forwardauth;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.gateway.GatewayProperties;
import io.caas.gateway.identity.Callers;
import io.caas.gateway.security.PasswordChangeGate;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The app-host half of the IDE sign-in. The browser arrives from an IDE host it has no
 * cookie for; with a live app session it is sent back there with a one-time transfer
 * token if allowed, or shown our refusal page; without one it goes to the sign-in page,
 * which returns here afterwards.
 */
@RestController
class IdeOpenController {

	private final GatewayProperties properties;

	private final ReactiveJwtDecoder apiTokens;

	private final ClassTeachers teachers;

	private final AuthTransfers transfers;

	private final IdeResponses responses;

	IdeOpenController(GatewayProperties properties, ReactiveJwtDecoder apiTokens, ClassTeachers teachers,
			AuthTransfers transfers, IdeResponses responses) {
		this.properties = properties;
		this.apiTokens = apiTokens;
		this.teachers = teachers;
		this.transfers = transfers;
		this.responses = responses;
	}

	@GetMapping("/ide/open")
	Mono<ResponseEntity<String>> open(@RequestParam(required = false) String host,
			@RequestParam(defaultValue = "/") String path, ServerHttpRequest request) {
		IdeHost ide = IdeHost.parse(host, this.properties.domainSuffix())
			.orElseThrow(() -> CaasException.badRequest("not-an-ide-host",
					"'" + host + "' is not an IDE host under " + this.properties.domainSuffix()));
		String safePath = IdeResponses.safePath(path);
		String port = IdeHost.portOf(request.getHeaders().getFirst(HttpHeaders.HOST));
		HttpCookie session = request.getCookies().getFirst(this.properties.sessionCookie());
		Mono<Jwt> caller = (session == null || session.getValue().isBlank()) ? Mono.empty()
				: this.apiTokens.decode(session.getValue())
					.onErrorResume(org.springframework.security.oauth2.jwt.BadJwtException.class, ex -> Mono.empty());
		// A session that must change its password goes to the UI, which asks for it and
		// then comes back here.
		return caller
			.flatMap(jwt -> PasswordChangeGate.pending(jwt) ? Mono.just(signIn(ide, safePath))
					: decide(jwt, ide, safePath, port))
			.switchIfEmpty(Mono.fromSupplier(() -> signIn(ide, safePath)))
			.onErrorMap(JwtException.class, ex -> new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable",
					"Sign-in cannot be checked right now"));
	}

	private Mono<ResponseEntity<String>> decide(Jwt jwt, IdeHost ide, String path, String port) {
		Identity who = Callers.fromJwt(jwt);
		Mono<Boolean> allowed = switch (IdeAccess.decide(who, ide)) {
			case ALLOW -> Mono.just(true);
			case ASK_CLASS -> this.teachers.teaches(who, ide.classId());
			case DENY -> Mono.just(false);
		};
		return allowed.flatMap(
				yes -> yes ? transfer(jwt, ide, path, port) : Mono.just(this.responses.refused(who.username(), ide)));
	}

	private Mono<ResponseEntity<String>> transfer(Jwt jwt, IdeHost ide, String path, String port) {
		return this.transfers.create(jwt.getClaimAsString("sid"), ide.name(this.properties.domainSuffix()), path)
			.map(token -> this.responses.toIdeHost(ide, port, token));
	}

	/** The web UI's sign-in, which comes back to this very request afterwards. */
	private ResponseEntity<String> signIn(IdeHost ide, String path) {
		String back = UriComponentsBuilder.fromPath("/ide/open")
			.queryParam("host", ide.name(this.properties.domainSuffix()))
			.queryParam("path", path)
			.encode()
			.build()
			.toUriString();
		String location = UriComponentsBuilder.fromPath("/").queryParam("next", back).encode().build().toUriString();
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, location)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

}
