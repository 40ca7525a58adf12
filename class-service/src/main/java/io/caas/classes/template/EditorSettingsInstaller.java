package io.caas.classes.template;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ContainerRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes each runtime's code-server Machine settings from its template's
 * {@link EditorDefaults}, through {@link ContainerRuntime#copyIn}, before its IDE is
 * READY (code-server reads the file when a browser connects, and none can before). Only
 * code-server runtime images (runtime label {@value #CODESERVER}) get the file: other
 * images have no such folder. A failed write is a {@link ContainerRuntimeException} with
 * the reason, which fails that student.
 */
@Component
public class EditorSettingsInstaller {

	private static final Logger log = LoggerFactory.getLogger(EditorSettingsInstaller.class);

	/** Value of the runtime label on code-server images. */
	static final String CODESERVER = "codeserver";

	private final ContainerRuntime runtime;

	private final TemplateCatalog catalog;

	private final String label;

	private final BakedSettings baked;

	@Autowired
	EditorSettingsInstaller(ContainerRuntime runtime, TemplateCatalog catalog, TemplateProperties properties) {
		this(runtime, catalog, properties.imageLabel());
	}

	/** An installer that recognises runtime images by the label {@code label}. */
	public EditorSettingsInstaller(ContainerRuntime runtime, TemplateCatalog catalog, String label) {
		this.runtime = runtime;
		this.catalog = catalog;
		this.label = label;
		this.baked = new BakedSettings(runtime);
	}

	/**
	 * What to write into every runtime of the template, decided once per opening: the
	 * template's stored editor defaults, or nothing for an image that is not code-server
	 * or that already holds exactly that file (the runtime image bakes the classroom
	 * defaults in).
	 */
	public Settings prepare(Template template) {
		Optional<Map<String, String>> labels = this.runtime.imageLabels(template.image());
		if (labels.isEmpty()) {
			throw new ContainerRuntimeException("editor settings: image " + template.image() + " is not on the engine");
		}
		if (!CODESERVER.equals(labels.get().get(this.label))) {
			return Settings.NONE;
		}
		Settings settings = prepare(this.catalog.editor(template.id()));
		if (this.baked.holds(template.image(), EditorSettings.json(settings.editor()))) {
			log.info("editor settings already in the image image={} editor={}", template.image(), settings.editor());
			return new Settings(settings.editor(), settings.tar(), true);
		}
		return settings;
	}

	/** The settings of these editor defaults, for a code-server runtime. */
	public Settings prepare(EditorDefaults editor) {
		return new Settings(editor, EditorSettings.tar(editor), false);
	}

	/**
	 * Writes the prepared settings into a runtime; not into one that holds only what its
	 * image holds ({@code fromTheImageOnly}: just created, nothing restored into it) when
	 * the image already holds them. A kept runtime always gets them again: its student or
	 * the template may have changed the file.
	 */
	public void install(Settings settings, String containerId, boolean fromTheImageOnly) {
		if (settings.tar() == null || (fromTheImageOnly && settings.inImage())) {
			return;
		}
		try {
			this.runtime.copyIn(containerId, EditorSettings.MACHINE_DIR, new ByteArrayInputStream(settings.tar()));
		}
		catch (ContainerRuntimeException ex) {
			throw new ContainerRuntimeException("editor settings: " + ex.getMessage(), ex);
		}
		log.debug("editor settings written containerId={} editor={}", containerId, settings.editor());
	}

	/**
	 * The file for one template's runtimes.
	 *
	 * @param editor the defaults it encodes, null for an image that is not code-server
	 * @param tar the archive extracted into the Machine folder, null when nothing is
	 * written (not code-server)
	 * @param inImage the image already holds exactly this file: a runtime created from it
	 * needs no copy
	 */
	public record Settings(EditorDefaults editor, byte[] tar, boolean inImage) {

		/** For images that are not code-server: nothing is written. */
		public static final Settings NONE = new Settings(null, null, false);

	}

}
