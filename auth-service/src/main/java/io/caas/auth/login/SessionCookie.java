package io.caas.auth.login;

import io.caas.auth.AuthProperties;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The {@code caas_session} cookie carrying the access token. Host-only (no
 * {@code Domain}): the browser sends it back to the app host alone, never to an IDE host
 * where a student's code could read it.
 */
@Component
class SessionCookie {

	static final String NAME = "caas_session";

	private final boolean secure;

	SessionCookie(AuthProperties properties) {
		this.secure = properties.cookieSecure();
	}

	String issue(String accessToken) {
		return base(accessToken).build().toString();
	}

	String clear() {
		return base("").maxAge(0).build().toString();
	}

	private ResponseCookie.ResponseCookieBuilder base(String value) {
		return ResponseCookie.from(NAME, value).path("/").httpOnly(true).secure(this.secure).sameSite("Lax");
	}

}
