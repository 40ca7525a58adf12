package io.caas.auth.login;

import io.caas.auth.AuthProperties;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The {@code caas_session} cookie carrying the access token, scoped to the whole domain
 * so the gateway's forward-auth sees it on every IDE host.
 */
@Component
class SessionCookie {

	static final String NAME = "caas_session";

	private final String domain;

	private final boolean secure;

	SessionCookie(AuthProperties properties) {
		this.domain = "." + properties.cookieDomain();
		this.secure = properties.cookieSecure();
	}

	String issue(String accessToken) {
		return base(accessToken).build().toString();
	}

	String clear() {
		return base("").maxAge(0).build().toString();
	}

	private ResponseCookie.ResponseCookieBuilder base(String value) {
		return ResponseCookie.from(NAME, value)
			.domain(this.domain)
			.path("/")
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Lax");
	}

}
