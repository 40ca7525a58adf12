package io.caas.classes.template;

import java.util.List;

import io.caas.common.identity.Identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TemplateController {

	private final TemplateCatalog catalog;

	TemplateController(TemplateCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Any signed-in user may see what a class can run; the identity parameter enforces
	 * that.
	 */
	@GetMapping("/api/templates")
	List<TemplateView> list(Identity who) {
		return this.catalog.all().stream().map(TemplateView::of).toList();
	}

	record TemplateView(String id, String displayName, String image, int port, String workspacePath, long memoryBytes,
			double cpus, long pidsLimit, boolean internetEgress) {

		static TemplateView of(Template t) {
			return new TemplateView(t.id(), t.displayName(), t.image(), t.port(), t.workspacePath(), t.memoryBytes(),
					t.cpus(), t.pidsLimit(), t.internetEgress());
		}

	}

}
