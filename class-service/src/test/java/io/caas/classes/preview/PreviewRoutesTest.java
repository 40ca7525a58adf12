package io.caas.classes.preview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewRoutesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void eachSharedPortIsOneRouterBehindTheIdesForwardAuthToThatPortOfTheStudentsOwnRuntime() {
		Map<String, Object> config = PreviewRoutes.config("caas", "caas.localhost", "web",
				List.of(PortShare.of("cs101", "student1", 3000, "student1", Instant.EPOCH),
						PortShare.of("cs101", "student2", 8000, "teacher1", Instant.EPOCH)));

		JsonNode http = JSON.valueToTree(config).path("http");
		JsonNode router = http.path("routers").path("caas-cs101-student1-p3000");
		assertThat(router.path("rule").asString()).isEqualTo("Host(`cs101-student1-p3000.caas.localhost`)");
		assertThat(router.path("entryPoints").get(0).asString()).isEqualTo("web");
		assertThat(router.path("middlewares").toString())
			.isEqualTo("[\"caas-ide-auth@file\",\"caas-preview-errors@file\"]");
		assertThat(router.path("service").asString()).isEqualTo("caas-cs101-student1-p3000");
		JsonNode balancer = http.path("services").path("caas-cs101-student1-p3000").path("loadBalancer");
		assertThat(balancer.path("passHostHeader").asBoolean()).isTrue();
		assertThat(balancer.path("servers").size()).isEqualTo(1);
		assertThat(http.path("services")
			.path("caas-cs101-student1-p3000")
			.path("loadBalancer")
			.path("servers")
			.get(0)
			.path("url")
			.asString()).isEqualTo("http://caas-cs101-student1:3000");
		assertThat(http.path("routers").path("caas-cs101-student2-p8000").path("rule").asString())
			.isEqualTo("Host(`cs101-student2-p8000.caas.localhost`)");
		assertThat(http.path("routers").size()).isEqualTo(2);
	}

	@Test
	void nothingSharedIsAnEmptyConfiguration() {
		assertThat(PreviewRoutes.config("caas", "caas.localhost", "web", List.of())).isEmpty();
	}

}
