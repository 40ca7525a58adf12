package io.caas.classes.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.caas.classes.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class TemplateCatalogEditorTest {

	@Test
	void editorDefaultsComeFromTheStoredTemplateAndAreClassroomOtherwise() {
		TemplateStore store = mock(TemplateStore.class);
		EditorDefaults allowed = new EditorDefaults(false, true, true);
		TemplateDocument stored = TemplateDocument.fromConfig(Fixtures.codeserver(), Instant.EPOCH);
		given(store.find("codeserver")).willReturn(Optional.of(new TemplateDocument(stored.id(), stored.displayName(),
				stored.image(), stored.port(), stored.workspacePath(), stored.user(), stored.memory(), stored.cpus(),
				stored.pidsLimit(), stored.diskLimitBytes(), stored.idleTimeoutSeconds(), stored.internetEgress(),
				stored.workspaceMaxSizeBytes(), stored.workspaceMaxFiles(), allowed, TemplateDocument.ADMIN,
				Instant.EPOCH)));
		given(store.find("gone")).willReturn(Optional.empty());
		@SuppressWarnings("unchecked")
		ObjectProvider<TemplateStore> provider = mock(ObjectProvider.class);
		given(provider.getIfAvailable()).willReturn(store);
		TemplateCatalog catalog = new TemplateCatalog(new TemplateProperties(List.of(Fixtures.codeserver())), provider);

		assertThat(catalog.editor("codeserver")).isEqualTo(allowed);
		assertThat(catalog.editor("gone")).isEqualTo(EditorDefaults.CLASSROOM);
		assertThat(TemplateCatalog.of(List.of(Fixtures.codeserver())).editor("codeserver"))
			.isEqualTo(EditorDefaults.CLASSROOM);
	}

}
