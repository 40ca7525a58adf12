package io.caas.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionTokenConverterTest {

	private final SessionTokenConverter converter = new SessionTokenConverter("caas_session");

	@Test
	void bearerHeaderIsPreferredOverCookie() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/users/me")
			.header("Authorization", "Bearer from-header")
			.cookie(new HttpCookie("caas_session", "from-cookie")));

		assertThat(tokenOf(exchange)).isEqualTo("from-header");
	}

	@Test
	void cookieIsUsedWhenNoBearerHeader() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/users/me").cookie(new HttpCookie("caas_session", "from-cookie")));

		assertThat(tokenOf(exchange)).isEqualTo("from-cookie");
	}

	@Test
	void cookieOnPostWithoutRequestedWithIsRefused() {
		MockServerWebExchange exchange = MockServerWebExchange.from(
				MockServerHttpRequest.post("/api/classes/c1/up").cookie(new HttpCookie("caas_session", "from-cookie")));

		assertThatExceptionOfType(CookieWithoutCsrfHeaderException.class).isThrownBy(() -> tokenOf(exchange))
			.withMessageContaining("X-Requested-With");
	}

	@Test
	void cookieOnPostWithRequestedWithIsUsed() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/classes/c1/up")
			.header("X-Requested-With", "caas-ui")
			.cookie(new HttpCookie("caas_session", "from-cookie")));

		assertThat(tokenOf(exchange)).isEqualTo("from-cookie");
	}

	@Test
	void publicPathsReadNoTokenAtAll() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/auth/login")
			.header("Authorization", "Bearer stale")
			.cookie(new HttpCookie("caas_session", "stale")));

		assertThat(tokenOf(exchange)).isNull();
	}

	@Test
	void noTokenAnywhereMeansAnonymous() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/users/me"));

		assertThat(tokenOf(exchange)).isNull();
	}

	private String tokenOf(MockServerWebExchange exchange) {
		Authentication auth = this.converter.convert(exchange).block();
		return (auth != null) ? ((BearerTokenAuthenticationToken) auth).getToken() : null;
	}

}
