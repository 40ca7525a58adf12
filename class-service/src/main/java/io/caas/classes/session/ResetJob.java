package io.caas.classes.session;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.caas.classes.operation.OperationTracker;
import io.caas.classes.operation.StudentStep;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The work of one student's reset, reported step by step: COLLECTING (runtime stopped,
 * workspace collected into a new attempt the store verified, exactly as a close does),
 * VERIFIED, then CREATING a fresh runtime (or, with carry-over, one restored from the
 * attempt just saved), STARTING, and READY once its IDE answers through the edge. A
 * failure ends the student FAILED with a reason that starts with its code:
 * {@code collection-failed} (nothing removed, the runtime runs as before),
 * {@code restore-failed} or {@code editor-settings-failed} (the new runtime removed).
 */
@Component
class ResetJob {

	private static final Logger log = LoggerFactory.getLogger(ResetJob.class);

	private final ContainerRuntime runtime;

	private final DownClass down;

	private final UpClass up;

	private final TemplateCatalog templates;

	private final StudentSpecs specs;

	private final TraefikAttachment traefik;

	private final ProvisionPermits permits;

	private final WorkspaceRestorer restorer;

	private final EditorSettingsInstaller editor;

	ResetJob(ContainerRuntime runtime, DownClass down, UpClass up, TemplateCatalog templates, StudentSpecs specs,
			TraefikAttachment traefik, ProvisionPermits permits, WorkspaceRestorer restorer,
			EditorSettingsInstaller editor) {
		this.runtime = runtime;
		this.down = down;
		this.up = up;
		this.templates = templates;
		this.specs = specs;
		this.traefik = traefik;
		this.permits = permits;
		this.restorer = restorer;
		this.editor = editor;
	}

	boolean canCarryOver() {
		return this.restorer != null;
	}

	/**
	 * Checked before anything is collected or removed: a failure leaves the student's
	 * runtime as it was.
	 */
	EditorSettingsInstaller.Settings prepareEditor(Template template) {
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

	/**
	 * Runs the reset and ends the operation; never throws. {@code stillHeld} tells
	 * whether the class lock is still this worker's: nothing is removed once it is not.
	 */
	void run(Plan plan, OperationTracker tracker, BooleanSupplier stillHeld) {
		String student = plan.studentId();
		String failure = null;
		try {
			RuntimeContainer fresh;
			try (ProvisionPermits.Permit permit = this.permits.acquire()) {
				Manifest saved = collectAll(plan, tracker);
				removeCollected(plan, stillHeld);
				tracker.step(student, StudentStep.CREATING);
				fresh = create(plan, saved);
			}
			tracker.step(student, StudentStep.STARTING);
			this.up.awaitReady(plan.room().id(), student, fresh.id());
			tracker.step(student, StudentStep.READY);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure = "interrupted";
		}
		catch (CaasException ex) {
			failure = ex.code() + ": " + ex.getMessage();
		}
		catch (RuntimeException ex) {
			failure = UpClass.reason(ex);
		}
		if (failure != null) {
			tracker.fail(student, failure);
		}
		tracker.finish(failure);
	}

	private Manifest collectAll(Plan plan, OperationTracker tracker) {
		Manifest saved = null;
		for (RuntimeContainer container : plan.containers()) {
			tracker.step(plan.studentId(), StudentStep.COLLECTING);
			saved = collect(plan, container);
			tracker.uploaded(plan.studentId(), saved.fileCount(), saved.totalBytes());
			tracker.step(plan.studentId(), StudentStep.VERIFIED);
		}
		return saved;
	}

	/**
	 * Removes the collected runtimes only while the class lock is still held and none of
	 * them runs again: a reconciler that took a lost lock may have started one, and the
	 * student may have written more into it since the collection.
	 */
	private void removeCollected(Plan plan, BooleanSupplier stillHeld) {
		if (!stillHeld.getAsBoolean()) {
			throw CaasException.conflict("runtime-restarted", "the class lock was lost after the collection "
					+ "(Redis unavailable or restarted); the runtime may run again, so nothing was removed");
		}
		for (RuntimeContainer container : plan.containers()) {
			boolean running = this.runtime.inspect(container.id())
				.map(c -> c.state() == RuntimeContainer.State.RUNNING)
				.orElse(false);
			if (running) {
				throw CaasException.conflict("runtime-restarted", "the runtime " + container.name()
						+ " was started again after the collection; nothing was removed, reset again to retry");
			}
		}
		plan.containers().forEach(c -> this.runtime.remove(c.id()));
	}

	private RuntimeContainer create(Plan plan, Manifest saved) {
		ClassRoom room = plan.room();
		NetworkSpec network = this.specs.network(room.id(), plan.studentId(), plan.template());
		this.runtime.ensureNetwork(network);
		this.traefik.attach(network.name());
		RuntimeContainer fresh = this.runtime
			.createAndStart(this.specs.container(room.id(), plan.studentId(), room.sessionId(), plan.template()));
		// a carry-over restore may bring the student's own settings file back: always
		// written then
		installEditor(fresh, plan.settings(), !plan.carryOver());
		if (plan.carryOver()) {
			// a carry-over class keeps its work: the new runtime starts from the attempt
			// just verified (or the latest verified one when there was no runtime)
			restoreCarryOver(plan, saved, fresh);
		}
		log.info("student runtime reset classId={} studentId={} attemptId={}", room.id(), plan.studentId(),
				(saved != null) ? saved.attemptId() : null);
		return fresh;
	}

	private void installEditor(RuntimeContainer fresh, EditorSettingsInstaller.Settings settings,
			boolean fromTheImageOnly) {
		if (this.editor == null) {
			return;
		}
		try {
			this.editor.install(settings, fresh.id(), fromTheImageOnly);
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
	 * and collecting its empty workspace later would make an empty attempt the latest.
	 */
	private void restoreCarryOver(Plan plan, Manifest saved, RuntimeContainer fresh) {
		try {
			if (saved != null) {
				this.restorer.restore(saved, fresh.id(), plan.template());
			}
			else {
				this.restorer.restoreLatest(plan.room().id(), plan.studentId(), fresh.id(), plan.template());
			}
		}
		catch (RuntimeException ex) {
			this.runtime.remove(fresh.id());
			log.warn("student reset: carry-over restore failed studentId={} reason={}", plan.studentId(),
					UpClass.reason(ex));
			throw CaasException.conflict("restore-failed",
					"restoring the latest verified submission into the new runtime failed (" + UpClass.reason(ex)
							+ "); the submission is safe in storage and the new runtime was removed; reset again "
							+ "to retry");
		}
	}

	private Manifest collect(Plan plan, RuntimeContainer container) {
		ClassRoom room = plan.room();
		String session = Optional.ofNullable(container.label(Labels.SESSION)).orElse(room.sessionId());
		Template template = Optional.ofNullable(container.label(Labels.TEMPLATE))
			.flatMap(this.templates::find)
			.orElse(plan.template());
		try {
			Manifest saved = this.down.snapshot(room.id(), session, plan.studentId(), container, template);
			this.down.retain(saved);
			return saved;
		}
		catch (RuntimeException ex) {
			startAgain(container);
			log.warn("student reset: collection failed classId={} studentId={} reason={}", room.id(), plan.studentId(),
					UpClass.reason(ex));
			throw CaasException.conflict("collection-failed",
					"the workspace of " + plan.studentId() + " could not be collected (" + UpClass.reason(ex)
							+ "); nothing was removed and the runtime runs as before");
		}
	}

	private void startAgain(RuntimeContainer container) {
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

	/** One validated reset: the student's runtimes now, and what the new one needs. */
	record Plan(ClassRoom room, String studentId, Template template, List<RuntimeContainer> containers,
			boolean carryOver, EditorSettingsInstaller.Settings settings) {

		Plan {
			containers = List.copyOf(containers);
		}

	}

}
