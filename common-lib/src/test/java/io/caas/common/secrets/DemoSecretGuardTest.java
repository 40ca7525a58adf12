package io.caas.common.secrets;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DemoSecretGuardTest {

	private final DemoSecretGuard guard = new DemoSecretGuard();

	@Test
	void demoSecretWithoutDemoProfileStopsTheStartNamingOnlyTheVariable() {
		StandardEnvironment env = environment(Map.of("CAAS_STORAGE_SECRET_KEY", "caas-minio-secret"));
		assertThatIllegalStateException().isThrownBy(() -> this.guard.postProcessEnvironment(env, app()))
			.withMessageContaining("CAAS_STORAGE_SECRET_KEY")
			.withMessageNotContaining("caas-minio-secret")
			.withMessageContaining("'demo' profile");
	}

	@Test
	void demoSecretWithDemoProfileIsAllowed() {
		StandardEnvironment env = environment(Map.of("DEMO_PASSWORD", "caas-demo"));
		env.setActiveProfiles("demo");
		assertThatNoException().isThrownBy(() -> this.guard.postProcessEnvironment(env, app()));
	}

	@Test
	void realSecretsAndNonSecretsPass() {
		StandardEnvironment env = environment(Map.of("CAAS_STORAGE_SECRET_KEY", "Zq3-real-secret-0f9a",
				"CAAS_STORAGE_ACCESS_KEY", "caas-minio", "SOME_NAME", "caas-demo", "DEMO_PASSWORD", ""));
		assertThatNoException().isThrownBy(() -> this.guard.postProcessEnvironment(env, app()));
	}

	@Test
	void systemPropertiesAndEveryDemoValueShapeAreCaught() {
		StandardEnvironment env = environment(Map.of());
		env.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
							Map.of("caas.auth.transfer-token-secret", "caas-demo-transfer", "caas.bootstrap.password",
									"change-me")));
		assertThat(DemoSecretGuard.demoSecrets(env)).containsExactlyInAnyOrder("caas.auth.transfer-token-secret",
				"caas.bootstrap.password");
	}

	@Test
	void defaultsFromApplicationFilesAreNotTheDeploymentsAndAreIgnored() {
		StandardEnvironment env = environment(Map.of());
		env.getPropertySources()
			.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'",
					Map.of("caas.demo.password", "caas-demo")));
		assertThat(DemoSecretGuard.demoSecrets(env)).isEmpty();
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		env.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
		return env;
	}

	private static SpringApplication app() {
		return new SpringApplication(DemoSecretGuardTest.class);
	}

}
