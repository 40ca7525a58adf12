package io.caas.classes.routing;

import java.util.Map;

import io.caas.classes.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

	@Test
	void containerLabelsAreExactlyOwnershipAndTraefikRouting() {
		Map<String, String> labels = Labels.container("school1", Fixtures.urls().route("cs101", "student1", 8080),
				"20261124t231900z-k3x9", "codeserver");
		assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("caas.managed", "true"),
				Map.entry("caas.installation", "school1"), Map.entry("caas.class", "cs101"),
				Map.entry("caas.session", "20261124t231900z-k3x9"), Map.entry("caas.student", "student1"),
				Map.entry("caas.template", "codeserver"), Map.entry("traefik.enable", "true"),
				Map.entry("traefik.docker.network", "school1-cs101-student1-net"),
				Map.entry("traefik.http.routers.school1-cs101-student1.rule",
						"Host(`cs101-student1-ide.caas.localhost`)"),
				Map.entry("traefik.http.routers.school1-cs101-student1.entrypoints", "web"),
				Map.entry("traefik.http.routers.school1-cs101-student1.service", "school1-cs101-student1"),
				Map.entry("traefik.http.routers.school1-cs101-student1.middlewares", "caas-ide-auth@file"),
				Map.entry("traefik.http.services.school1-cs101-student1.loadbalancer.server.port", "8080"),
				Map.entry("traefik.http.routers.school1-cs101-student1-healthz.rule",
						"Host(`cs101-student1-ide.caas.localhost`) && Method(`GET`) && Path(`/healthz`)"
								+ " && Header(`Caas-Probe-Token`, `" + Fixtures.PROBE_TOKEN + "`)"
								+ " && !Header(`X-Caas-Probe`, `full`)"),
				Map.entry("traefik.http.routers.school1-cs101-student1-healthz.entrypoints", "web"),
				Map.entry("traefik.http.routers.school1-cs101-student1-healthz.service", "school1-cs101-student1"),
				Map.entry("traefik.http.routers.school1-cs101-student1-healthz.middlewares", "caas-ide-probe@file"),
				Map.entry("traefik.http.routers.school1-cs101-student1-healthz.observability.accesslogs", "false")));
	}

	@Test
	void networkLabelsAreOwnershipOnly() {
		// no session: the network is kept for the class's next session
		assertThat(Labels.network("school1", "cs101", "student1"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("caas.managed", "true", "caas.installation", "school1",
					"caas.class", "cs101", "caas.student", "student1"));
	}

	@Test
	void classSelectorMatchesEverySessionAndStudentOfTheClass() {
		assertThat(Labels.classSelector("cs101")).isEqualTo(Map.of("caas.managed", "true", "caas.class", "cs101"));
		assertThat(Labels.network("caas", "cs101", "s1").entrySet())
			.containsAll(Labels.classSelector("cs101").entrySet())
			.containsAll(Labels.studentSelector("cs101", "s1").entrySet());
	}

}
