package io.caas.classes.template;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateLimitsTest {

	@Test
	void bindWhenLimitsAreLeftOutThenDefaultsApply() {
		Template template = bind(Map.of());

		assertThat(template.workspaceMaxSize()).isEqualTo(DataSize.ofGigabytes(1));
		assertThat(template.workspaceMaxFiles()).isEqualTo(50_000);
	}

	@Test
	void bindWhenLimitsAreSetThenTheyApply() {
		Template template = bind(Map.of("workspace-max-size", "200MB", "workspace-max-files", "300"));

		assertThat(template.workspaceMaxSize()).isEqualTo(DataSize.ofMegabytes(200));
		assertThat(template.workspaceMaxFiles()).isEqualTo(300);
	}

	private static Template bind(Map<String, String> limits) {
		Map<String, String> source = new HashMap<>(Map.of("id", "codeserver", "display-name", "code-server", "image",
				"caas/runtime-codeserver:4.139.1", "port", "8080", "workspace-path", "/home/student/workspace", "user",
				"1000", "memory", "1g", "cpus", "1", "pids-limit", "512"));
		source.putAll(limits);
		Map<String, String> prefixed = new HashMap<>();
		source.forEach((k, v) -> prefixed.put("caas.templates.allowed[0]." + k, v));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bind("caas.templates", TemplateProperties.class)
			.get()
			.allowed()
			.getFirst();
	}

}
