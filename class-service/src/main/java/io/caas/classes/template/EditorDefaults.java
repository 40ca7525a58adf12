package io.caas.classes.template;

/**
 * How the IDE opens for a class: classroom defaults are auto-save on, code-server's AI
 * chat panel and the vendor's welcome content off, unless the template allows them.
 *
 * @param autoSave files are saved as students type
 * @param aiChat the AI chat / agent panel is shown
 * @param welcome the welcome page, walkthroughs and vendor content are shown
 */
public record EditorDefaults(boolean autoSave, boolean aiChat, boolean welcome) {

	/** Auto-save on, AI chat off, welcome off. */
	public static final EditorDefaults CLASSROOM = new EditorDefaults(true, false, false);

}
