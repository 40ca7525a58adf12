package io.caas.classes.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.common.error.CaasException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The allowlisted templates, looked up by id: the one place every caller asks. In the
 * service they come from the templates collection (admin-managed, seeded from the
 * configuration); {@link #of(List)} gives a fixed list for tests.
 */
@Component
public class TemplateCatalog {

	private final Map<String, Template> configured = new LinkedHashMap<>();

	private final TemplateStore store;

	@Autowired
	TemplateCatalog(TemplateProperties properties, ObjectProvider<TemplateStore> store) {
		this(properties, store.getIfAvailable());
	}

	private TemplateCatalog(TemplateProperties properties, TemplateStore store) {
		for (Template template : properties.allowed()) {
			if (this.configured.putIfAbsent(template.id(), template) != null) {
				throw new IllegalStateException("caas.templates.allowed: duplicate template id " + template.id());
			}
			template.memoryBytes();
		}
		this.store = store;
	}

	public static TemplateCatalog of(List<Template> templates) {
		return new TemplateCatalog(new TemplateProperties(templates), (TemplateStore) null);
	}

	public List<Template> all() {
		return (this.store != null) ? this.store.all().stream().map(TemplateDocument::toTemplate).toList()
				: List.copyOf(this.configured.values());
	}

	public Optional<Template> find(String id) {
		return (this.store != null) ? this.store.find(id).map(TemplateDocument::toTemplate)
				: Optional.ofNullable(this.configured.get(id));
	}

	/**
	 * The IDE defaults of a template: as an admin stored them, the classroom defaults for
	 * configured templates and unknown ids.
	 */
	public EditorDefaults editor(String id) {
		return (this.store != null) ? this.store.find(id).map(TemplateDocument::editor).orElse(EditorDefaults.CLASSROOM)
				: EditorDefaults.CLASSROOM;
	}

	/** The template, or a 400 problem naming the id that is not allowlisted. */
	public Template require(String id) {
		return find(id).orElseThrow(() -> CaasException.badRequest("unknown-template",
				"template '" + id + "' is not allowlisted; see GET /api/templates"));
	}

}
