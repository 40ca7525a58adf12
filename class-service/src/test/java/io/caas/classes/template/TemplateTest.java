package io.caas.classes.template;

import java.util.List;

import io.caas.classes.support.Fixtures;
import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

	@ParameterizedTest
	@CsvSource({ "1g, 1073741824", "1GB, 1073741824", "512m, 536870912", "512MB, 536870912", "64k, 65536",
			"1048576, 1048576" })
	void memoryReadsDockerAndSpringUnits(String memory, long bytes) {
		assertThat(with(memory, 1).memoryBytes()).isEqualTo(bytes);
	}

	@Test
	void cpusBecomeNanoCpus() {
		assertThat(with("1g", 1).nanoCpus()).isEqualTo(1_000_000_000L);
		assertThat(with("1g", 0.5).nanoCpus()).isEqualTo(500_000_000L);
	}

	@Test
	void workspaceFolderIsTheLastSegment() {
		assertThat(Fixtures.codeserver().workspaceFolderName()).isEqualTo("workspace");
	}

	@Test
	void catalogWhenIdRepeatsThenRefusesToStart() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TemplateCatalog.of(List.of(Fixtures.codeserver(), Fixtures.codeserver())))
			.withMessageContaining("duplicate template id codeserver");
	}

	@Test
	void catalogWhenTemplateUnknownThenBadRequestNamingIt() {
		TemplateCatalog catalog = TemplateCatalog.of(List.of(Fixtures.codeserver()));
		assertThat(catalog.require("codeserver").image()).isEqualTo("caas/runtime-codeserver:4.139.1-r2");
		assertThatThrownBy(() -> catalog.require("ubuntu"))
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.status().value()).isEqualTo(400))
			.hasMessageContaining("'ubuntu'");
	}

	private static Template with(String memory, double cpus) {
		Template t = Fixtures.codeserver();
		return new Template(t.id(), t.displayName(), t.image(), t.port(), t.workspacePath(), t.user(), memory, cpus,
				t.pidsLimit(), t.internetEgress());
	}

}
