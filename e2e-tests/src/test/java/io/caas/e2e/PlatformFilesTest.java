package io.caas.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files keep the platform's promises: only the socket proxies touch the
 * engine's socket, each proxy is reachable by its one client only, class-service runs as
 * its image's user, and compose has no default for any secret.
 */
class PlatformFilesTest {

	private static final Path ROOT = Path.of("..");

	private static final Map<String, String> PROXY_CLIENTS = Map.of("socket-proxy-traefik", "traefik",
			"socket-proxy-classes", "class-service");

	@Test
	@SuppressWarnings("unchecked")
	void onlyTheSocketProxiesMountTheEngineSocketEachForItsOneClient() throws IOException {
		Map<String, Object> compose = new Yaml().load(read("docker-compose.yml"));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) compose.get("networks");
		services.forEach((name, service) -> {
			boolean mountsSocket = String.valueOf(service.get("volumes")).contains("docker.sock");
			assertThat(mountsSocket).as(name + " mounts the engine socket").isEqualTo(PROXY_CLIENTS.containsKey(name));
		});
		PROXY_CLIENTS.forEach((proxy, client) -> {
			Map<String, Object> service = services.get(proxy);
			assertThat(service).containsEntry("read_only", true).containsEntry("cap_drop", List.of("ALL"));
			List<String> proxyNetworks = (List<String>) service.get("networks");
			assertThat(proxyNetworks).hasSize(1);
			String network = proxyNetworks.get(0);
			assertThat(networks.get(network)).as(network).containsEntry("internal", true);
			List<String> members = services.entrySet()
				.stream()
				.filter(e -> String.valueOf(e.getValue().get("networks")).contains(network))
				.map(Map.Entry::getKey)
				.toList();
			assertThat(members).as(network).containsExactlyInAnyOrder(proxy, client);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void clientsUseTheirProxyAndClassServiceRunsAsItsImageUser() throws IOException {
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) new Yaml()
			.<Map<String, Object>>load(read("docker-compose.yml"))
			.get("services");
		Map<String, Object> classService = services.get("class-service");
		assertThat(classService).doesNotContainKey("user");
		assertThat((Map<String, Object>) classService.get("environment")).containsEntry("CAAS_DOCKER_HOST",
				"tcp://socket-proxy-classes:2375");
		assertThat((Map<String, Object>) services.get("traefik").get("environment"))
			.containsEntry("TRAEFIK_PROVIDERS_DOCKER_ENDPOINT", "tcp://socket-proxy-traefik:2375");
		assertThat(read("docker/service.Dockerfile")).containsPattern("(?m)^USER 10001$");
	}

	@Test
	void composeHasNoDefaultForAnySecretAndTheDemoGetsThemFromItsEnvFile() throws IOException {
		Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]*(SECRET|PASSWORD|ACCESS_KEY|TOKEN)[A-Z0-9_]*)([^}]*)}")
			.matcher(read("docker-compose.yml"));
		int secrets = 0;
		while (m.find()) {
			secrets++;
			assertThat(m.group(3)).as(m.group()).matches(":\\?.+|:-");
		}
		assertThat(secrets).isGreaterThanOrEqualTo(4);
		assertThat(read("infra/demo.env")).contains("CAAS_SPRING_PROFILES=demo", "S3_ACCESS_KEY=", "S3_SECRET_KEY=",
				"DEMO_PASSWORD=", "PROBE_TOKEN=");
		assertThat(read(".env.example")).contains("PROBE_TOKEN=");
	}

	private static String read(String file) throws IOException {
		return Files.readString(ROOT.resolve(file));
	}

}
