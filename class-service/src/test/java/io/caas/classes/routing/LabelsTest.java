package io.caas.classes.routing;

import java.util.Map;

import io.caas.classes.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

	@Test
	void containerLabelsAreExactlyOwnershipAndTraefikRouting() {
		Map<String, String> labels = Labels.container(Fixtures.urls().route("cs101", "student1", 8080),
				"20261124t231900z-k3x9", "codeserver");
		assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("caas.managed", "true"),
				Map.entry("caas.class", "cs101"), Map.entry("caas.session", "20261124t231900z-k3x9"),
				Map.entry("caas.student", "student1"), Map.entry("caas.template", "codeserver"),
				Map.entry("traefik.enable", "true"), Map.entry("traefik.docker.network", "caas-class-cs101"),
				Map.entry("traefik.http.routers.caas-cs101-student1.rule", "Host(`cs101-student1-ide.caas.localhost`)"),
				Map.entry("traefik.http.routers.caas-cs101-student1.entrypoints", "web"),
				Map.entry("traefik.http.routers.caas-cs101-student1.service", "caas-cs101-student1"),
				Map.entry("traefik.http.routers.caas-cs101-student1.middlewares", "caas-ide-auth@file"),
				Map.entry("traefik.http.services.caas-cs101-student1.loadbalancer.server.port", "8080")));
	}

	@Test
	void networkLabelsAreOwnershipOnly() {
		assertThat(Labels.network("cs101", "20261124t231900z-k3x9")).containsExactlyInAnyOrderEntriesOf(
				Map.of("caas.managed", "true", "caas.class", "cs101", "caas.session", "20261124t231900z-k3x9"));
	}

	@Test
	void classSelectorMatchesEverySessionOfTheClass() {
		assertThat(Labels.classSelector("cs101")).isEqualTo(Map.of("caas.managed", "true", "caas.class", "cs101"));
		assertThat(Labels.network("cs101", "s1").entrySet()).containsAll(Labels.classSelector("cs101").entrySet());
	}

}
