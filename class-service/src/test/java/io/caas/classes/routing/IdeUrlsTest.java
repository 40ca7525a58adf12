package io.caas.classes.routing;

import io.caas.classes.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdeUrlsTest {

	@Test
	void defaultPortIsLeftOut() {
		assertThat(urls("http", 80, "").of("cs101", "student1")).isEqualTo("http://cs101-student1-ide.caas.localhost");
		assertThat(urls("https", 443, "").of("cs101", "student1"))
			.isEqualTo("https://cs101-student1-ide.caas.localhost");
	}

	@Test
	void otherPortIsKept() {
		assertThat(urls("http", 8088, "").of("cs101", "student1"))
			.isEqualTo("http://cs101-student1-ide.caas.localhost:8088");
	}

	@Test
	void templateWhenSetThenWins() {
		assertThat(urls("http", 8088, "https://{host}/").of("cs101", "student1"))
			.isEqualTo("https://cs101-student1-ide.caas.localhost/");
	}

	private static IdeUrls urls(String scheme, int port, String template) {
		return new IdeUrls(new RoutingProperties("caas.localhost", scheme, port, template, "web", "caas.role=traefik",
				"", "/healthz", Fixtures.PROBE_TOKEN));
	}

}
