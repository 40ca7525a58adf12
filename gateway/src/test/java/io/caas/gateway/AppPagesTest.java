package io.caas.gateway;

import java.util.List;

import io.caas.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app through the real gateway: its shell at {@code /} and at every client route
 * (deep links, reloads) without a token, its bundle files, and nothing of the API or the
 * gateway's own endpoints turned into a page.
 */
class AppPagesTest extends GatewayTestSupport {

	@Test
	void rootAndClientRoutesServeTheAppShellSignedOut() {
		for (String path : List.of("/", "/signin", "/classes/cs101/submissions", "/admin/users")) {
			String body = this.client.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectHeader()
				.valueEquals("Cache-Control", "no-cache")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).as(path).contains("<div id=\"root\"></div>").containsPattern("/assets/index-[\\w-]+\\.js");
		}
	}

	@Test
	void bundleFilesAreServedAndCachedForLong() {
		String shell = this.client.get()
			.uri("/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String script = shell.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
		this.client.get()
			.uri(script)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "public, max-age=31536000, immutable");
	}

	@Test
	void apiPathsStayApiEvenForBrowsers() {
		assertProblem(this.client.get().uri("/api/classes").accept(MediaType.TEXT_HTML).exchange(), 401,
				"unauthorized");
		assertProblem(this.client.get().uri("/internal/users/x").accept(MediaType.TEXT_HTML).exchange(), 404,
				"not-found");
	}

	@Test
	void missingFilesAndNonBrowserRequestsAreNoPages() {
		this.client.get().uri("/assets/nothing-here.js").exchange().expectStatus().isNotFound();
		this.client.get()
			.uri("/classes/cs101")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.is4xxClientError();
		this.client.post()
			.uri("/classes/cs101")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.is4xxClientError();
	}

}
