package io.caas.classes.template;

import java.time.Clock;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Admins create, replace and delete templates. A changed template applies to the next
 * runtime created from it and to the next close of every class using it (limits and
 * images); its workspace folder, which a close collects, cannot change while any class
 * refers to it, and such a template cannot be deleted.
 */
@Service
class TemplateAdmin {

	private final TemplateRepository repository;

	private final TemplateStore store;

	private final TemplateImages images;

	private final TemplateUsage usage;

	private final Clock clock;

	TemplateAdmin(TemplateRepository repository, TemplateStore store, TemplateImages images, TemplateUsage usage) {
		this.repository = repository;
		this.store = store;
		this.images = images;
		this.usage = usage;
		this.clock = Clock.systemUTC();
	}

	TemplateDocument create(Identity who, TemplateRequest request) {
		Require.anyOf(who, Role.ADMIN);
		TemplateDocument template = request.toDocument(request.id(), this.clock.instant());
		this.images.requireRuntimeImage(template.image());
		this.store.ensureSeeded();
		try {
			return this.repository.insert(template);
		}
		catch (DuplicateKeyException ex) {
			throw CaasException.conflict("template-exists", "Template '" + template.id() + "' already exists");
		}
	}

	TemplateDocument replace(Identity who, String id, TemplateRequest request) {
		Require.anyOf(who, Role.ADMIN);
		if (request.id() != null && !request.id().equals(id)) {
			throw CaasException.badRequest("id-mismatch", "The body's id '" + request.id() + "' is not '" + id + "'");
		}
		TemplateDocument current = this.store.find(id).orElseThrow(() -> CaasException.notFound("template", id));
		TemplateDocument template = request.toDocument(id, this.clock.instant());
		this.images.requireRuntimeImage(template.image());
		// A close collects the folder the template names at that moment: narrowing it
		// under a class's running runtimes would verify a subset and remove the rest.
		long classes = this.usage.classesUsing(id);
		if (!current.workspacePath().equals(template.workspacePath()) && classes > 0) {
			throw CaasException
				.conflict("template-in-use",
						"The workspace folder of template '" + id + "' cannot change while " + classes
								+ " class(es) use it; create a new template instead")
				.withProperty("classes", classes);
		}
		return this.repository.save(template);
	}

	void delete(Identity who, String id) {
		Require.anyOf(who, Role.ADMIN);
		this.store.find(id).orElseThrow(() -> CaasException.notFound("template", id));
		long classes = this.usage.classesUsing(id);
		if (classes > 0) {
			throw CaasException
				.conflict("template-in-use",
						"Template '" + id + "' is used by " + classes + " class(es); change them first")
				.withProperty("classes", classes);
		}
		this.repository.deleteById(id);
	}

}
