package io.caas.classes.session;

import java.util.List;
import java.util.Optional;

import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.template.EditorSettingsInstaller;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
import io.caas.classes.workspace.Manifest;
import io.caas.classes.workspace.WorkspaceRestorer;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import org.redisson.api.RLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Resets one student of an open class: their workspace is collected first, exactly as a
 * close collects it (runtime stopped, new attempt verified by the store), and only then
 * is the runtime removed and created again from a fresh workspace. A collection that
 * fails removes nothing: the runtime is started again as it was and the problem says why.
 * Refused like a restart while the class opens, closes or is locked.
 */
@Service
class StudentReset {

	private static final Logger log = LoggerFactory.getLogger(StudentReset.class);

	private final ClassAccess access;

	private final ClassLocks locks;

	private final ContainerRuntime runtime;

	private final DownClass down;

	private final TemplateCatalog templates;

	private final StudentSpecs specs;

	private final TraefikAttachment traefik;

	private final ProvisionPermits permits;

	private final WorkspaceRestorer restorer;

	private final EditorSettingsInstaller editor;

	StudentReset(ClassAccess access, ClassLocks locks, ContainerRuntime runtime, DownClass down,
			TemplateCatalog templates, StudentSpecs specs, TraefikAttachment traefik, ProvisionPermits permits,
			WorkspaceRestorer restorer, EditorSettingsInstaller editor) {
		this.restorer = restorer;
		this.editor = editor;
		this.access = access;
		this.locks = locks;
		this.runtime = runtime;
		this.down = down;
		this.templates = templates;
		this.specs = specs;
		this.traefik = traefik;
		this.permits = permits;
	}

	Reset reset(Identity who, String classId, String studentId) {
		OpenClassGuard.requireOpen(this.access.manageable(who, classId));
		RLock lock = OpenClassGuard.lockNow(this.locks, classId);
		try (ProvisionPermits.Permit permit = this.permits.acquire()) {
			ClassRoom room = this.access.manageable(who, classId);
			OpenClassGuard.requireOpen(room);
			List<RuntimeContainer> containers = this.runtime.list(Labels.studentSelector(classId, studentId));
			boolean carryOver = room.section().carryOver() && this.restorer != null;
			if (containers.isEmpty() && !carryOver) {
				throw CaasException.notFound("runtime of student", studentId);
			}
			Template template = this.templates.require(room.templateId());
			// before anything is collected or removed: a failure leaves the student's
			// runtime as it was
			EditorSettingsInstaller.Settings settings = prepareEditor(template);
			Manifest saved = null;
			for (RuntimeContainer container : containers) {
				saved = collect(room, studentId, container, template);
			}
			containers.forEach(c -> this.runtime.remove(c.id()));
			NetworkSpec network = this.specs.network(classId, studentId, room.sessionId(), template);
			this.runtime.ensureNetwork(network);
			this.traefik.attach(network.name());
			RuntimeContainer fresh = this.runtime
				.createAndStart(this.specs.container(classId, studentId, room.sessionId(), template));
			installEditor(fresh, settings);
			if (carryOver) {
				// A carry-over class keeps its work: the new runtime starts from the
				// attempt just verified (or, after a failed restore removed the runtime,
				// from the latest verified one).
				Manifest restored = restoreCarryOver(room, studentId, saved, fresh, template);
				saved = (saved != null) ? saved : restored;
			}
			String attemptId = (saved != null) ? saved.attemptId() : null;
			log.info("student runtime reset classId={} studentId={} attemptId={} by={}", classId, studentId, attemptId,
					who.username());
			return new Reset(studentId, attemptId, (saved != null) ? saved.fileCount() : 0,
					(saved != null) ? saved.totalBytes() : 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw CaasException.conflict("class-busy", "interrupted before the reset started");
		}
		finally {
			lock.unlock();
		}
	}

	private EditorSettingsInstaller.Settings prepareEditor(Template template) {
		if (this.editor == null) {
			return EditorSettingsInstaller.Settings.NONE;
		}
		try {
			return this.editor.prepare(template);
		}
		catch (RuntimeException ex) {
			throw CaasException.conflict("editor-settings-failed", "the IDE settings of template '" + template.id()
					+ "' cannot be prepared (" + UpClass.reason(ex) + "); nothing was changed, try again");
		}
	}

	private void installEditor(RuntimeContainer fresh, EditorSettingsInstaller.Settings settings) {
		if (this.editor == null) {
			return;
		}
		try {
			this.editor.install(settings, fresh.id());
		}
		catch (RuntimeException ex) {
			this.runtime.remove(fresh.id());
			throw CaasException.conflict("editor-settings-failed",
					"writing the IDE settings into the new runtime failed (" + UpClass.reason(ex)
							+ "); the new runtime was removed; reset again to retry");
		}
	}

	/**
	 * A runtime whose restore failed is removed at once: it holds no student work yet,
	 * and collecting its empty workspace later would make an empty attempt the latest
	 * one.
	 */
	private Manifest restoreCarryOver(ClassRoom room, String studentId, Manifest saved, RuntimeContainer fresh,
			Template template) {
		try {
			if (saved != null) {
				this.restorer.restore(saved, fresh.id(), template);
				return saved;
			}
			return this.restorer.restoreLatest(room.id(), studentId, fresh.id(), template).orElse(null);
		}
		catch (RuntimeException ex) {
			this.runtime.remove(fresh.id());
			log.warn("student reset: carry-over restore failed studentId={} reason={}", studentId, UpClass.reason(ex));
			throw CaasException.conflict("restore-failed",
					"restoring the latest verified submission into the new runtime failed (" + UpClass.reason(ex)
							+ "); the submission is safe in storage and the new runtime was removed; reset again "
							+ "to retry");
		}
	}

	private Manifest collect(ClassRoom room, String studentId, RuntimeContainer container, Template fallback) {
		String session = Optional.ofNullable(container.label(Labels.SESSION)).orElse(room.sessionId());
		Template template = Optional.ofNullable(container.label(Labels.TEMPLATE))
			.flatMap(this.templates::find)
			.orElse(fallback);
		try {
			Manifest saved = this.down.snapshot(room.id(), session, studentId, container, template);
			this.down.retain(saved);
			return saved;
		}
		catch (RuntimeException ex) {
			restoreQuietly(container);
			log.warn("student reset refused classId={} studentId={} reason={}", room.id(), studentId,
					UpClass.reason(ex));
			throw CaasException.conflict("collection-failed",
					"the workspace of " + studentId + " could not be collected (" + UpClass.reason(ex)
							+ "); nothing was removed and the runtime runs as before");
		}
	}

	private void restoreQuietly(RuntimeContainer container) {
		if (container.state() != RuntimeContainer.State.RUNNING) {
			return;
		}
		try {
			this.runtime.start(container.id());
		}
		catch (RuntimeException ex) {
			log.warn("runtime not started again container={} reason={}", container.name(), ex.toString());
		}
	}

	/** What a reset saved before it started the student again. */
	record Reset(String studentId, String attemptId, int fileCount, long totalBytes) {
	}

}
