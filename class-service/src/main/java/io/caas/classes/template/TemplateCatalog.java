package io.caas.classes.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.common.error.CaasException;

import org.springframework.stereotype.Component;

/** The allowlisted templates, looked up by id. */
@Component
public class TemplateCatalog {

	private final Map<String, Template> byId = new LinkedHashMap<>();

	TemplateCatalog(TemplateProperties properties) {
		for (Template template : properties.allowed()) {
			if (this.byId.putIfAbsent(template.id(), template) != null) {
				throw new IllegalStateException("caas.templates.allowed: duplicate template id " + template.id());
			}
			template.memoryBytes();
		}
	}

	public static TemplateCatalog of(List<Template> templates) {
		return new TemplateCatalog(new TemplateProperties(templates));
	}

	public List<Template> all() {
		return List.copyOf(this.byId.values());
	}

	public Optional<Template> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/** The template, or a 400 problem naming the id that is not allowlisted. */
	public Template require(String id) {
		return find(id).orElseThrow(() -> CaasException.badRequest("unknown-template",
				"template '" + id + "' is not allowlisted; see GET /api/templates"));
	}

}
