package io.caas.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the files operators deploy with. cloudflared cannot be run here, so its ingress
 * rules are checked by content: every host of the wildcard domain reaches Traefik and
 * nothing else does.
 */
class DeploymentFilesTest {

	private static final Path ROOT = Path.of("..");

	@Test
	@SuppressWarnings("unchecked")
	void cloudflaredSendsAppAndWildcardHostsToTraefikAndRefusesTheRest() throws IOException {
		Map<String, Object> config = load("cloudflared/config.yml");
		List<Map<String, Object>> ingress = (List<Map<String, Object>>) config.get("ingress");
		assertThat(ingress).hasSizeGreaterThanOrEqualTo(3);
		Map<String, Object> last = ingress.get(ingress.size() - 1);
		assertThat(last).doesNotContainKey("hostname").containsEntry("service", "http_status:404");
		List<Map<String, Object>> routed = ingress.subList(0, ingress.size() - 1);
		assertThat(routed).allSatisfy(rule -> assertThat(rule.get("service")).isEqualTo("http://traefik:80"));
		assertThat(routed).extracting(rule -> (String) rule.get("hostname"))
			.anySatisfy(host -> assertThat(host).startsWith("*."))
			.anySatisfy(host -> assertThat(host).startsWith("app."));
		assertThat(config).containsKeys("tunnel", "credentials-file");
	}

	@Test
	@SuppressWarnings("unchecked")
	void composePublishesOnlyTraefikAndTakesEveryThirdPartyImageFromAVariable() throws IOException {
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) load("docker-compose.yml")
			.get("services");
		services.forEach((name, service) -> {
			if (!name.equals("traefik")) {
				assertThat(service).as(name).doesNotContainKey("ports");
			}
			String image = (String) service.get("image");
			assertThat(image).as(name).startsWith(image.startsWith("caas/") ? "caas/" : "${");
			if (!name.equals("cloudflared")) {
				assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
			}
		});
		assertThat(services.get("traefik").get("labels").toString()).contains("caas.role");
	}

	@Test
	@SuppressWarnings("unchecked")
	void traefikRoutesOnlyThisInstallationsContainersAndNeverCallsHome() throws IOException {
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) load("docker-compose.yml")
			.get("services");
		Map<String, Object> env = (Map<String, Object>) services.get("traefik").get("environment");
		assertThat(env).containsEntry("TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT", "false")
			.containsEntry("TRAEFIK_PROVIDERS_DOCKER_CONSTRAINTS",
					"Label(`caas.managed`,`true`) && Label(`caas.installation`,`${CAAS_INSTALLATION_ID:-caas}`)")
			.containsEntry("TRAEFIK_GLOBAL_CHECKNEWVERSION", "false")
			.containsEntry("TRAEFIK_GLOBAL_SENDANONYMOUSUSAGE", "false");
		assertThat(services.get("traefik").get("labels").toString())
			.contains("caas.installation=${CAAS_INSTALLATION_ID:-caas}");
		Map<String, Object> classEnv = (Map<String, Object>) services.get("class-service").get("environment");
		assertThat(classEnv).containsEntry("CAAS_INSTALLATION_ID", "${CAAS_INSTALLATION_ID:-caas}");
	}

	private static Map<String, Object> load(String file) throws IOException {
		try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
			return new Yaml().load(reader);
		}
	}

}
