package io.caas.gateway.forwardauth;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.caas.gateway.GatewayProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What browsers get on the IDE sign-in path: redirects between the app host and an IDE
 * host, the IDE cookie, the request headers a runtime may see, and our refusal page.
 */
@Component
class IdeResponses {

	static final String EXCHANGE_PATH = "/.caas/auth";

	static final String CAAS_COOKIE_PREFIX = "caas_";

	private final GatewayProperties properties;

	IdeResponses(GatewayProperties properties) {
		this.properties = properties;
	}

	/** Sends the browser to the app host, which signs it in for {@code host}. */
	ResponseEntity<String> toAppHost(IdeHost ide, String port, String path) {
		URI target = UriComponentsBuilder
			.fromUriString(this.properties.publicScheme() + "://app." + this.properties.domainSuffix() + port)
			.path("/ide/open")
			.queryParam("host", ide.name(this.properties.domainSuffix()))
			.queryParam("path", safePath(path))
			.encode()
			.build()
			.toUri();
		return redirect(target.toString()).build();
	}

	/**
	 * Sends the browser to the IDE host with a transfer token to trade for the cookie.
	 */
	ResponseEntity<String> toIdeHost(IdeHost ide, String port, String token) {
		URI target = UriComponentsBuilder
			.fromUriString(this.properties.publicScheme() + "://" + ide.name(this.properties.domainSuffix()) + port)
			.path(EXCHANGE_PATH)
			.queryParam("token", token)
			.encode()
			.build()
			.toUri();
		return redirect(target.toString()).build();
	}

	/**
	 * Sets the host-only IDE cookie and goes on to where the browser wanted to be. The
	 * location is absolute: Traefik resolves a relative one against the forward-auth
	 * address, which would send the browser to the gateway's internal name.
	 */
	ResponseEntity<String> signedIn(IdeHost ide, String port, String ideToken, Duration lifetime, String path) {
		ResponseCookie cookie = ResponseCookie.from(this.properties.ideCookie(), ideToken)
			.path("/")
			.httpOnly(true)
			.sameSite("Lax")
			.secure(this.properties.secureCookies())
			.maxAge(lifetime)
			.build();
		String target = this.properties.publicScheme() + "://" + ide.name(this.properties.domainSuffix()) + port
				+ safePath(path);
		return redirect(target).header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
	}

	/**
	 * 200 for Traefik, carrying the {@code Cookie} header the runtime receives instead of
	 * the browser's: every CaaS cookie removed, the student's own kept. Traefik's
	 * {@code authResponseHeaders} deletes what is absent here ({@code Authorization}).
	 */
	ResponseEntity<String> pass(ServerHttpRequest request) {
		String kept = request.getHeaders()
			.getOrEmpty(HttpHeaders.COOKIE)
			.stream()
			.flatMap(header -> Arrays.stream(header.split(";")))
			.map(String::strip)
			.filter(pair -> !pair.isEmpty() && !pair.startsWith(CAAS_COOKIE_PREFIX))
			.collect(Collectors.joining("; "));
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (!kept.isEmpty()) {
			ok.header(HttpHeaders.COOKIE, kept);
		}
		return ok.build();
	}

	/** Our own page: this IDE is not yours. Never the IDE. */
	ResponseEntity<String> refused(String who, IdeHost ide) {
		String app = this.properties.publicScheme() + "://app." + this.properties.domainSuffix();
		String html = """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>Not your IDE - CaaS</title>
				<meta name="viewport" content="width=device-width, initial-scale=1"></head>
				<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
				<h1>This IDE is not yours</h1>
				<p id="caas-refusal">You are signed in as <strong>%s</strong>. The IDE of <strong>%s</strong>
				in class <strong>%s</strong> is open only to that student, the class's teacher and admins.</p>
				<p><a href="%s/">Back to CaaS</a></p>
				</body></html>
				""".formatted(HtmlUtils.htmlEscape(who), HtmlUtils.htmlEscape(ide.studentId()),
				HtmlUtils.htmlEscape(ide.classId()), app);
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(html);
	}

	/** Only a local absolute path: never {@code //host} or a scheme, no open redirect. */
	static String safePath(String path) {
		if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
				|| path.length() > 2048 || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
			return "/";
		}
		return path.startsWith(EXCHANGE_PATH) ? "/" : path;
	}

	private static ResponseEntity.BodyBuilder redirect(String location) {
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, location)
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}
