package io.caas.classes.template;

import java.time.Instant;
import java.util.Map;

import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TemplateRequestTest {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void absentFieldsTakeTheRuntimeConventionsAndClassroomEditorDefaults() {
		TemplateDocument doc = new TemplateRequest(null, "Basic", "repo/img:1", null, null, null, null, null, null,
				null, null, null, null, null, null)
			.toDocument("basic", NOW);
		assertThat(doc.port()).isEqualTo(8080);
		assertThat(doc.workspacePath()).isEqualTo("/home/student/workspace");
		assertThat(doc.user()).isEqualTo("1000");
		assertThat(doc.memory()).isEqualTo("1g");
		assertThat(doc.cpus()).isEqualTo(1);
		assertThat(doc.pidsLimit()).isEqualTo(512);
		assertThat(doc.diskLimitBytes()).isEqualTo(4L << 30);
		assertThat(doc.toTemplate().diskLimit()).isEqualTo(Template.DEFAULT_DISK_LIMIT);
		assertThat(doc.idleTimeoutSeconds()).isNull();
		assertThat(doc.internetEgress()).isTrue();
		assertThat(doc.workspaceMaxSizeBytes()).isEqualTo(1L << 30);
		assertThat(doc.workspaceMaxFiles()).isEqualTo(50_000);
		assertThat(doc.editor()).isEqualTo(EditorDefaults.CLASSROOM);
		assertThat(doc.origin()).isEqualTo(TemplateDocument.ADMIN);
		assertThat(doc.toTemplate().memoryBytes()).isEqualTo(1L << 30);
	}

	@Test
	void sizesAndDurationsAreReadInSpringNotationAndZeroIdleMeansNever() {
		TemplateDocument doc = new TemplateRequest(null, "X", "img", null, null, null, "2g", 0.5, 64L, "10GB", "0",
				false, "300MB", 10, new TemplateRequest.Editor(null, true, null))
			.toDocument("x", NOW);
		assertThat(doc.diskLimitBytes()).isEqualTo(10L << 30);
		assertThat(doc.toTemplate().diskLimit().toGigabytes()).isEqualTo(10);
		assertThat(doc.idleTimeoutSeconds()).isZero();
		assertThat(doc.workspaceMaxSizeBytes()).isEqualTo(300L << 20);
		assertThat(doc.editor()).isEqualTo(new EditorDefaults(true, true, false));
	}

	@Test
	void everyBadFieldIsNamedAndNothingIsBuilt() {
		CaasException ex = catchThrowableOfType(CaasException.class,
				() -> new TemplateRequest(null, " ", "bad image", 0, "relative/path", "root", "10x", 0.0, 1L, "huge",
						"forever", null, "0B", 0, null)
					.toDocument("Bad-Id", NOW));
		assertThat(ex.code()).isEqualTo("invalid-input");
		@SuppressWarnings("unchecked")
		Map<String, String> fields = (Map<String, String>) ex.properties().get("fields");
		assertThat(fields).containsOnlyKeys("id", "displayName", "image", "port", "workspacePath", "user", "memory",
				"cpus", "pidsLimit", "diskLimit", "idleTimeout", "workspaceMaxSize", "workspaceMaxFiles");
	}

	@Test
	void memoryOutsideSixtyFourMegabytesToSixtyFourGigabytesIsRefused() {
		assertThat(
				catchThrowableOfType(CaasException.class,
						() -> new TemplateRequest(null, "X", "img", null, null, null, "32m", null, null, null, null,
								null, null, null, null)
							.toDocument("x", NOW))
					.properties()
					.get("fields"))
			.asString()
			.contains("memory");
	}

}
