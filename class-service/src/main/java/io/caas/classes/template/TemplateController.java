package io.caas.classes.template;

import java.net.URI;
import java.util.List;

import io.caas.common.identity.Identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TemplateController {

	private final TemplateStore store;

	private final TemplateAdmin admin;

	TemplateController(TemplateStore store, TemplateAdmin admin) {
		this.store = store;
		this.admin = admin;
	}

	/**
	 * Any signed-in user may see what a class can run; the identity parameter enforces
	 * that.
	 */
	@GetMapping("/api/templates")
	List<TemplateView> list(Identity who) {
		return this.store.all().stream().map(TemplateView::of).toList();
	}

	@PostMapping("/api/templates")
	ResponseEntity<TemplateView> create(Identity who, @RequestBody TemplateRequest request) {
		TemplateDocument created = this.admin.create(who, request);
		return ResponseEntity.created(URI.create("/api/templates/" + created.id())).body(TemplateView.of(created));
	}

	@PutMapping("/api/templates/{templateId}")
	TemplateView replace(Identity who, @PathVariable String templateId, @RequestBody TemplateRequest request) {
		return TemplateView.of(this.admin.replace(who, templateId, request));
	}

	@DeleteMapping("/api/templates/{templateId}")
	ResponseEntity<Void> delete(Identity who, @PathVariable String templateId) {
		this.admin.delete(who, templateId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A template as the API shows it: the fields a request takes, plus sizes in bytes and
	 * where it came from ({@code config} or {@code admin}).
	 */
	record TemplateView(String id, String displayName, String image, int port, String workspacePath, String user,
			String memory, long memoryBytes, double cpus, long pidsLimit, Long diskLimitBytes, Long idleTimeoutSeconds,
			boolean internetEgress, long workspaceMaxSizeBytes, int workspaceMaxFiles, EditorDefaults editor,
			String origin) {

		static TemplateView of(TemplateDocument d) {
			return new TemplateView(d.id(), d.displayName(), d.image(), d.port(), d.workspacePath(), d.user(),
					d.memory(), d.toTemplate().memoryBytes(), d.cpus(), d.pidsLimit(), d.diskLimitBytes(),
					d.idleTimeoutSeconds(), d.internetEgress(), d.workspaceMaxSizeBytes(), d.workspaceMaxFiles(),
					d.editor(), d.origin());
		}

	}

}
