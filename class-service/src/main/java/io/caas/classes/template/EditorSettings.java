package io.caas.classes.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The code-server Machine {@code settings.json} of a runtime, built from its template's
 * {@link EditorDefaults}. The classroom map equals the file baked into the runtime image
 * ({@code infra/images/runtime/machine-settings.json}), which stays the fallback for
 * runtimes nobody writes settings into; each allowance removes or flips the keys that
 * switch the feature off.
 */
public final class EditorSettings {

	/** Folder of the Machine settings in the runtime image (code-server's user data). */
	public static final String MACHINE_DIR = "/home/student/.local/share/code-server/Machine";

	static final String FILE = "settings.json";

	/** Owner of the file in the runtime image: the {@code student} user. */
	static final int OWNER = 1000;

	static final int MODE = 0644;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private EditorSettings() {
	}

	/** The settings as an ordered map of code-server keys. */
	public static Map<String, Object> of(EditorDefaults editor) {
		Map<String, Object> s = new LinkedHashMap<>();
		if (editor.autoSave()) {
			s.put("files.autoSave", "afterDelay");
			s.put("files.autoSaveDelay", 1000);
		}
		else {
			s.put("files.autoSave", "off");
		}
		if (!editor.aiChat()) {
			s.put("chat.disableAIFeatures", true);
			s.put("chat.commandCenter.enabled", false);
			s.put("chat.agent.enabled", false);
		}
		if (editor.welcome()) {
			s.put("workbench.startupEditor", "welcomePage");
			s.put("workbench.tips.enabled", true);
		}
		else {
			s.put("workbench.startupEditor", "none");
			s.put("workbench.welcomePage.walkthroughs.openOnInstall", false);
			s.put("workbench.tips.enabled", false);
		}
		s.put("security.workspace.trust.enabled", false);
		s.put("telemetry.telemetryLevel", "off");
		s.put("update.mode", "none");
		s.put("extensions.autoCheckUpdates", false);
		s.put("extensions.ignoreRecommendations", true);
		return s;
	}

	/** The settings file as JSON. */
	public static byte[] json(EditorDefaults editor) {
		return JSON.writeValueAsBytes(of(editor));
	}

	/**
	 * A tar of the single file {@code settings.json}, owned by the student user, mode
	 * 0644, to extract into {@link #MACHINE_DIR}.
	 */
	public static byte[] tar(EditorDefaults editor) {
		byte[] content = json(editor);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 2048);
		try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
			TarArchiveEntry entry = new TarArchiveEntry(FILE);
			entry.setSize(content.length);
			entry.setIds(OWNER, OWNER);
			entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | MODE);
			tar.putArchiveEntry(entry);
			tar.write(content);
			tar.closeArchiveEntry();
			tar.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
