package io.caas.classes.template;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EditorSettingsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void classroomDefaultsAreExactlyTheFileBakedIntoTheRuntimeImage() throws Exception {
		Map<String, Object> baked = JSON.readValue(
				Files.readString(Path.of("..", "infra", "images", "runtime", "machine-settings.json")),
				new TypeReference<LinkedHashMap<String, Object>>() {
				});

		assertThat(parse(EditorSettings.json(EditorDefaults.CLASSROOM))).isEqualTo(baked);
		assertThat(EditorSettings.of(EditorDefaults.CLASSROOM).keySet()).containsExactlyElementsOf(baked.keySet());
	}

	@Test
	void aiChatAllowedDropsOnlyTheChatDisablingKeys() {
		Map<String, Object> classroom = EditorSettings.of(EditorDefaults.CLASSROOM);
		Map<String, Object> chat = EditorSettings.of(new EditorDefaults(true, true, false));

		assertThat(chat).doesNotContainKeys("chat.disableAIFeatures", "chat.commandCenter.enabled",
				"chat.agent.enabled");
		assertThat(classroom).containsEntry("chat.disableAIFeatures", true);
		Map<String, Object> rest = new LinkedHashMap<>(classroom);
		rest.keySet().removeIf(k -> k.startsWith("chat."));
		assertThat(chat).isEqualTo(rest);
	}

	@Test
	void autoSaveOffTurnsAutoSaveOffAndDropsItsDelay() {
		Map<String, Object> off = EditorSettings.of(new EditorDefaults(false, false, false));

		assertThat(off).containsEntry("files.autoSave", "off").doesNotContainKey("files.autoSaveDelay");
		assertThat(off).containsEntry("chat.disableAIFeatures", true);
	}

	@Test
	void welcomeAllowedOpensTheWelcomePageWithTips() {
		Map<String, Object> welcome = EditorSettings.of(new EditorDefaults(true, false, true));

		assertThat(welcome).containsEntry("workbench.startupEditor", "welcomePage")
			.containsEntry("workbench.tips.enabled", true)
			.doesNotContainKey("workbench.welcomePage.walkthroughs.openOnInstall")
			.containsEntry("files.autoSave", "afterDelay");
	}

	@Test
	void tarHoldsOneSettingsFileOwnedByTheStudentWithMode0644() throws Exception {
		EditorDefaults editor = new EditorDefaults(false, true, false);
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new ByteArrayInputStream(EditorSettings.tar(editor)))) {
			TarArchiveEntry entry = tar.getNextEntry();

			assertThat(entry.getName()).isEqualTo("settings.json");
			assertThat(entry.getLongUserId()).isEqualTo(1000);
			assertThat(entry.getLongGroupId()).isEqualTo(1000);
			assertThat(entry.getMode() & 07777).isEqualTo(0644);
			assertThat(entry.isFile()).isTrue();
			assertThat(parse(tar.readAllBytes())).isEqualTo(EditorSettings.of(editor));
			assertThat(tar.getNextEntry()).isNull();
		}
	}

	private static Map<String, Object> parse(byte[] json) {
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

}
