package io.caas.classes.template;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.util.unit.DataSize;

/**
 * A template as stored: the admin-managed allowlist. Templates from the configuration are
 * copied here at boot (origin {@value #CONFIG}) and follow the configuration until an
 * admin edits them (origin {@value #ADMIN}).
 *
 * @param id template id
 * @param displayName name shown to teachers
 * @param image runtime image
 * @param port port the IDE listens on
 * @param workspacePath folder collected on close
 * @param user uid or uid:gid the runtime runs as
 * @param memory memory limit (Docker notation, e.g. {@code 1g})
 * @param cpus CPU limit in cores
 * @param pidsLimit most processes
 * @param diskLimitBytes per-runtime disk bound, null for the default
 * @param idleTimeoutSeconds stop runtimes idle this long, 0 never, null the default
 * @param internetEgress whether runtimes reach the internet
 * @param workspaceMaxSizeBytes largest workspace a close collects
 * @param workspaceMaxFiles most files a close collects
 * @param editor the IDE's classroom defaults
 * @param origin {@value #CONFIG} or {@value #ADMIN}
 * @param updatedAt last change
 */
@Document("templates")
record TemplateDocument(@Id String id, String displayName, String image, int port, String workspacePath, String user,
		String memory, double cpus, long pidsLimit, Long diskLimitBytes, Long idleTimeoutSeconds,
		boolean internetEgress, long workspaceMaxSizeBytes, int workspaceMaxFiles, EditorDefaults editor, String origin,
		Instant updatedAt) {

	static final String CONFIG = "config";

	static final String ADMIN = "admin";

	TemplateDocument {
		editor = (editor != null) ? editor : EditorDefaults.CLASSROOM;
	}

	/** A configured template as stored, with the classroom editor defaults. */
	static TemplateDocument fromConfig(Template t, Instant now) {
		return new TemplateDocument(t.id(), t.displayName(), t.image(), t.port(), t.workspacePath(), t.user(),
				t.memory(), t.cpus(), t.pidsLimit(), t.diskLimit().toBytes(), t.idleTimeout().toSeconds(),
				t.internetEgress(), t.workspaceMaxSize().toBytes(), t.workspaceMaxFiles(), EditorDefaults.CLASSROOM,
				CONFIG, now);
	}

	/** What the orchestrator runs. */
	Template toTemplate() {
		return new Template(this.id, this.displayName, this.image, this.port, this.workspacePath, this.user,
				this.memory, this.cpus, this.pidsLimit, this.internetEgress,
				DataSize.ofBytes(this.workspaceMaxSizeBytes), this.workspaceMaxFiles, idleTimeout(),
				(this.diskLimitBytes != null) ? DataSize.ofBytes(this.diskLimitBytes) : Template.DEFAULT_DISK_LIMIT);
	}

	Duration idleTimeout() {
		return (this.idleTimeoutSeconds != null) ? Duration.ofSeconds(this.idleTimeoutSeconds) : null;
	}

	/** Whether this copy of a configured template still equals the configuration. */
	boolean sameAs(TemplateDocument other) {
		return other.toTemplate().equals(toTemplate()) && other.editor().equals(this.editor);
	}

}
