package io.caas.classes.template;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The templates collection, with the configured allowlist as its seed: at boot (and at
 * the first lookup, should boot have found the database down) each configured template
 * that is absent is inserted, and one still as configured follows configuration changes
 * (e.g. {@code RUNTIME_IMAGE}); one an admin edited is left alone. A configured template
 * an admin deleted comes back at the next start while it stays in the configuration.
 */
@Component
class TemplateStore {

	private static final Logger log = LoggerFactory.getLogger(TemplateStore.class);

	private final TemplateRepository repository;

	private final List<Template> configured;

	private final Clock clock;

	private volatile boolean seeded;

	TemplateStore(TemplateRepository repository, TemplateProperties properties) {
		this.repository = repository;
		this.configured = List.copyOf(properties.allowed());
		this.clock = Clock.systemUTC();
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedAtBoot() {
		try {
			ensureSeeded();
		}
		catch (DataAccessException ex) {
			log.warn("templates not seeded yet (reason=database-unavailable): {}", ex.toString());
		}
	}

	void ensureSeeded() {
		if (this.seeded) {
			return;
		}
		for (Template template : this.configured) {
			TemplateDocument wanted = TemplateDocument.fromConfig(template, this.clock.instant());
			Optional<TemplateDocument> stored = this.repository.findById(template.id());
			if (stored.isEmpty()) {
				insertIfAbsent(wanted);
			}
			else if (TemplateDocument.CONFIG.equals(stored.get().origin()) && !stored.get().sameAs(wanted)) {
				this.repository.save(wanted);
				log.info("template {} follows the configuration (reason=config-changed)", template.id());
			}
		}
		this.seeded = true;
	}

	List<TemplateDocument> all() {
		ensureSeeded();
		return this.repository.findAllByOrderByIdAsc();
	}

	Optional<TemplateDocument> find(String id) {
		ensureSeeded();
		return this.repository.findById(id);
	}

	private void insertIfAbsent(TemplateDocument template) {
		try {
			this.repository.insert(template);
			log.info("template {} seeded from the configuration", template.id());
		}
		catch (DuplicateKeyException ex) {
			// another replica seeded it meanwhile
		}
	}

}
