package io.caas.gateway.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRoutesTest {

	private static final List<MediaType> BROWSER = MediaType
		.parseMediaTypes("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

	@Test
	void browserNavigationsToAppPathsArePages() {
		for (String path : List.of("/signin", "/classes", "/classes/cs101", "/classes/cs101/submissions",
				"/admin/users", "/password")) {
			assertThat(ClientRoutes.isAppPage(HttpMethod.GET, path, BROWSER)).as(path).isTrue();
		}
		assertThat(ClientRoutes.isAppPage(HttpMethod.HEAD, "/enrol", BROWSER)).isTrue();
	}

	@Test
	void apiGatewayEndpointsAndFilesAreNeverPages() {
		for (String path : List.of("/", "/index.html", "/api/classes", "/api", "/internal/x", "/assets/index-x.js",
				"/actuator/health", "/.well-known/jwks.json", "/forward-auth", "/ide/open", "/favicon.ico",
				"/robots.txt", "/classes//x")) {
			assertThat(ClientRoutes.isAppPage(HttpMethod.GET, path, BROWSER)).as(path).isFalse();
		}
	}

	@Test
	void onlyBrowserReadsArePages() {
		assertThat(ClientRoutes.isAppPage(HttpMethod.POST, "/classes", BROWSER)).isFalse();
		assertThat(ClientRoutes.isAppPage(HttpMethod.GET, "/classes", List.of(MediaType.APPLICATION_JSON))).isFalse();
		assertThat(ClientRoutes.isAppPage(HttpMethod.GET, "/classes", List.of())).isFalse();
	}

}
