package io.caas.common.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

/**
 * Refuses to start a service that was handed a demo secret (the published values of
 * {@code infra/demo.env}) unless the {@code demo} profile is on. Only what the deployment
 * passes in is read (environment, system properties, command line), never a default in
 * {@code application.yml}; only names that look like secrets are checked, and only their
 * names are reported.
 */
public class DemoSecretGuard implements EnvironmentPostProcessor, Ordered {

	/** The profile that seeds demo data and allows demo secrets. */
	public static final String DEMO_PROFILE = "demo";

	/** Published secret values of the local demo; none may protect a real install. */
	static final Set<String> DEMO_VALUES = Set.of("caas-demo", "caas-minio-secret", "change-me-minio-secret");

	private static final Pattern DEMO_VALUE_PREFIX = Pattern.compile("^(caas-demo-|change-me).*");

	private static final Pattern SECRET_NAME = Pattern.compile(".*(secret|password|passwd|token|credential).*");

	private static final Set<String> DEPLOYMENT_SOURCES = Set.of(
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
			StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, "commandLineArgs");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<String> demoSecrets = demoSecrets(environment);
		if (!demoSecrets.isEmpty() && !environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
			throw new IllegalStateException("Refusing to start: " + String.join(", ", demoSecrets)
					+ " carry the published demo value. Set real secrets (see .env.example), or turn on the '"
					+ DEMO_PROFILE + "' profile for a local demo.");
		}
	}

	/**
	 * Names of deployment-supplied secret-like properties whose value is a demo value.
	 */
	static List<String> demoSecrets(ConfigurableEnvironment environment) {
		List<String> found = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					|| !DEPLOYMENT_SOURCES.contains(source.getName())
					|| !(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				if (isSecretName(name) && isDemoValue(enumerable.getProperty(name))) {
					found.add(name);
				}
			}
		}
		return found;
	}

	static boolean isSecretName(String name) {
		return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
	}

	static boolean isDemoValue(Object value) {
		String v = String.valueOf(value).strip();
		return DEMO_VALUES.contains(v) || DEMO_VALUE_PREFIX.matcher(v).matches();
	}

	@Override
	public int getOrder() {
		// After config data: the active profiles are known.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
