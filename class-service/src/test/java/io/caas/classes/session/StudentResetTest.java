package io.caas.classes.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.TraefikAttachment;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.support.LocalPermits;
import io.caas.classes.support.RecordingTracker;
import io.caas.classes.template.EditorSettings;
import io.caas.classes.template.EditorSettingsInstaller;
import io.caas.classes.template.TemplateCatalog;
import io.caas.classes.workspace.AttemptRetention;
import io.caas.classes.workspace.CollectionProperties;
import io.caas.classes.workspace.Manifest;
import io.caas.classes.workspace.StoredAttempts;
import io.caas.classes.workspace.WorkspaceCollector;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A reset is accepted as a RESET operation only after it is validated, and its single
 * student step shows the collection, the fresh runtime and the outcome; the class lock
 * and the reset mark are held for the whole run.
 */
class StudentResetTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	private final ClassAccess access = mock(ClassAccess.class);

	private final RLock lock = mock(RLock.class);

	private final OperationService operations = mock(OperationService.class);

	private final Identity teacher = new Identity("teacher1", Set.of(Role.TEACHER));

	private final StudentSpecs specs = new StudentSpecs(Fixtures.urls(), Fixtures.installation());

	private final RecordingTracker recorded = new RecordingTracker(Transition.RESET, "cs101", SESSION, List.of("s1"));

	private EditorSettingsInstaller editor;

	@Test
	void resetAnswersWithAResetOperationThatCollectsFirstThenStartsAFreshRuntime() throws Exception {
		room(ClassState.OPEN);
		FakeContainerRuntime.Fake old = open("s1");
		old.file("src/main.py", "print('mine')\n");
		FakeContainerRuntime.Fake other = open("s2");
		this.runtime.events.clear();

		String operationId = reset().reset(this.teacher, "cs101", "s1");

		assertThat(operationId).isEqualTo("op1");
		verify(this.operations).start(anyString(), eq(Transition.RESET), eq("cs101"), eq(SESSION), eq(List.of("s1")),
				eq("teacher1"));
		List<Manifest> saved = new StoredAttempts(this.store).complete("cs101", SESSION, "s1");
		assertThat(saved).hasSize(1);
		assertThat(this.store.text(StoredAttempts.fileKey(saved.getFirst(), "src/main.py")))
			.isEqualTo("print('mine')\n");
		assertThat(this.recorded.stepsOf("s1")).containsExactly(StudentStep.PENDING, StudentStep.COLLECTING,
				StudentStep.UPLOADED, StudentStep.VERIFIED, StudentStep.CREATING, StudentStep.STARTING,
				StudentStep.READY);
		assertThat(this.recorded.student("s1").files()).isEqualTo(1);
		assertThat(this.recorded.last().state()).isEqualTo(OperationState.SUCCEEDED);
		assertThat(this.runtime.events).containsSubsequence("stop caas-cs101-s1", "remove caas-cs101-s1",
				"create caas-cs101-s1");
		FakeContainerRuntime.Fake fresh = this.runtime.byName("caas-cs101-s1").orElseThrow();
		assertThat(fresh.id).isNotEqualTo(old.id);
		assertThat(fresh.files).isEmpty();
		assertThat(fresh.state).isEqualTo(RuntimeContainer.State.RUNNING);
		assertThat(other.state).isEqualTo(RuntimeContainer.State.RUNNING);
		assertThat(this.runtime.events).noneMatch(e -> e.endsWith("caas-cs101-s2"));
		verify(this.lock, org.mockito.Mockito.atLeastOnce()).unlock();
	}

	@Test
	void resetWhoseCollectionFailsEndsFailedWithTheReasonAndRemovesNothing() throws Exception {
		room(ClassState.OPEN);
		FakeContainerRuntime.Fake old = open("s1");
		old.file("notes.md", "# notes\n");
		this.runtime.failCopy.add("caas-cs101-s1");

		reset().reset(this.teacher, "cs101", "s1");

		assertThat(this.recorded.last().state()).isEqualTo(OperationState.FAILED);
		assertThat(this.recorded.student("s1").state()).isEqualTo(StudentStep.FAILED);
		assertThat(this.recorded.student("s1").reason()).startsWith("collection-failed: ")
			.contains("nothing was removed");
		assertThat(this.recorded.last().message()).startsWith("collection-failed: ");
		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().id).isEqualTo(old.id);
		assertThat(old.state).isEqualTo(RuntimeContainer.State.RUNNING);
		assertThat(old.files).containsKey("notes.md");
		assertThat(this.runtime.events).doesNotContain("remove caas-cs101-s1");
	}

	@Test
	void resetThatLostTheClassLockAfterTheCollectionRemovesNothing() throws Exception {
		room(ClassState.OPEN);
		FakeContainerRuntime.Fake old = open("s1");
		StudentReset reset = reset();
		given(this.lock.isHeldByCurrentThread()).willReturn(false);

		reset.reset(this.teacher, "cs101", "s1");

		assertThat(this.recorded.student("s1").state()).isEqualTo(StudentStep.FAILED);
		assertThat(this.recorded.student("s1").reason()).startsWith("runtime-restarted: ");
		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().id).isEqualTo(old.id);
		assertThat(this.runtime.events).doesNotContain("remove caas-cs101-s1");
	}

	@Test
	void resetWhoseRuntimeWasStartedAgainAfterTheCollectionRemovesNothing() throws Exception {
		room(ClassState.OPEN);
		FakeContainerRuntime.Fake old = open("s1");
		StudentReset reset = reset();
		willAnswer(call -> {
			// the reconciler started the stopped runtime meanwhile; the student writes on
			old.state = RuntimeContainer.State.RUNNING;
			old.file("later.md", "more\n");
			return true;
		}).given(this.lock).isHeldByCurrentThread();

		reset.reset(this.teacher, "cs101", "s1");

		assertThat(this.recorded.student("s1").reason()).startsWith("runtime-restarted: ");
		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().files).containsKey("later.md");
		assertThat(this.runtime.events).doesNotContain("remove caas-cs101-s1");
	}

	@Test
	void aResetAcceptedJustAfterTheWaitEndedAnswersWithItsOperation() {
		CompletableFuture<String> accepted = CompletableFuture.completedFuture("op7");

		assertThat(StudentReset.unlessAccepted(accepted, () -> CaasException.conflict("class-busy", "late")))
			.isEqualTo("op7");
	}

	@Test
	void aResetNotAcceptedWhenTheWaitEndedIsRefusedAndNeverRecorded() {
		CompletableFuture<String> accepted = new CompletableFuture<>();

		assertThatThrownBy(
				() -> StudentReset.unlessAccepted(accepted, () -> CaasException.conflict("class-busy", "late")))
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("class-busy"));
		assertThat(accepted.complete("op8")).isFalse();
	}

	@Test
	void resetOfARosterStudentWithoutARuntimeCreatesAFreshOne() throws Exception {
		room(ClassState.OPEN);

		reset().reset(this.teacher, "cs101", "s2");

		assertThat(this.recorded.last().state()).isEqualTo(OperationState.SUCCEEDED);
		assertThat(this.runtime.byName("caas-cs101-s2").orElseThrow().state).isEqualTo(RuntimeContainer.State.RUNNING);
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("stop ") || e.startsWith("remove "));
	}

	@Test
	void resetWhoseNewIdeNeverAnswersEndsFailed() throws Exception {
		room(ClassState.OPEN);
		open("s1");

		reset((classId, studentId) -> false).reset(this.teacher, "cs101", "s1");

		assertThat(this.recorded.student("s1").state()).isEqualTo(StudentStep.FAILED);
		assertThat(this.recorded.student("s1").reason()).contains("did not answer through the edge");
	}

	@Test
	void resetWritesTheTemplatesEditorSettingsIntoTheFreshRuntime() throws Exception {
		room(ClassState.OPEN);
		open("s1");
		this.runtime.images.put(Fixtures.codeserver().image(), java.util.Map.of("caas.runtime", "codeserver"));
		this.editor = new EditorSettingsInstaller(this.runtime, TemplateCatalog.of(List.of(Fixtures.codeserver())),
				"caas.runtime");
		this.runtime.events.clear();

		reset().reset(this.teacher, "cs101", "s1");

		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().files).containsOnlyKeys("settings.json");
		assertThat(this.runtime.events).containsSubsequence("create caas-cs101-s1",
				"copyIn caas-cs101-s1 " + EditorSettings.MACHINE_DIR);
	}

	@Test
	void resetWhenTheEditorSettingsCannotBePreparedIsRefusedBeforeAnyOperation() throws Exception {
		room(ClassState.OPEN);
		open("s1");
		this.editor = new EditorSettingsInstaller(this.runtime, TemplateCatalog.of(List.of(Fixtures.codeserver())),
				"caas.runtime");

		assertThatThrownBy(() -> reset().reset(this.teacher, "cs101", "s1"))
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("editor-settings-failed"))
			.hasMessageContaining("is not on the engine")
			.hasMessageContaining("nothing was changed");

		assertThat(this.runtime.byName("caas-cs101-s1")).isPresent();
		verify(this.operations, never()).start(anyString(), any(), anyString(), anyString(), any(), anyString());
		verify(this.lock, org.mockito.Mockito.atLeastOnce()).unlock();
	}

	@Test
	void resetWhileTheClassClosesOrWhenClosedOrOfAnUnknownStudentIsRefused() throws Exception {
		room(ClassState.CLOSING);
		open("s1");
		assertThatThrownBy(() -> reset().reset(this.teacher, "cs101", "s1"))
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("class-busy"));
		room(ClassState.CLOSED);
		assertThatThrownBy(() -> reset().reset(this.teacher, "cs101", "s1"))
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("class-not-open"));
		room(ClassState.OPEN);
		assertThatThrownBy(() -> reset().reset(this.teacher, "cs101", "s9"))
			.satisfies(ex -> assertThat(((CaasException) ex).status().value()).isEqualTo(404));
		verify(this.operations, never()).start(anyString(), any(), anyString(), anyString(), any(), anyString());
	}

	@Test
	void resetWhileAnythingHoldsTheClassLockIsRefusedAsBusy() throws Exception {
		room(ClassState.OPEN);
		open("s1");
		StudentReset reset = reset();
		given(this.lock.tryLock(anyLong(), any(TimeUnit.class))).willReturn(false);

		assertThatThrownBy(() -> reset.reset(this.teacher, "cs101", "s1"))
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("class-busy"));
		assertThat(this.runtime.byName("caas-cs101-s1").orElseThrow().state).isEqualTo(RuntimeContainer.State.RUNNING);
	}

	private FakeContainerRuntime.Fake open(String student) {
		this.runtime.ensureNetwork(this.specs.network("cs101", student, Fixtures.codeserver()));
		this.runtime.createAndStart(this.specs.container("cs101", student, SESSION, Fixtures.codeserver()));
		return this.runtime.byName("caas-cs101-" + student).orElseThrow();
	}

	private StudentReset reset() throws Exception {
		return reset((classId, studentId) -> true);
	}

	private StudentReset reset(io.caas.classes.routing.IdeProbe probe) throws Exception {
		RedissonClient redisson = mock(RedissonClient.class);
		given(redisson.getLock(any(String.class))).willReturn(this.lock);
		given(this.lock.tryLock(anyLong(), any(TimeUnit.class))).willReturn(true);
		given(this.lock.tryLock(anyLong(), anyLong(), any(TimeUnit.class))).willReturn(true);
		given(this.lock.tryLock()).willReturn(true);
		given(this.lock.isHeldByCurrentThread()).willReturn(true);
		TransitionRunner runner = mock(TransitionRunner.class);
		willAnswer(call -> {
			call.<Runnable>getArgument(0).run();
			return null;
		}).given(runner).execute(any());
		given(this.operations.start(anyString(), any(), anyString(), anyString(), any(), anyString()))
			.willReturn(this.recorded.last());
		given(this.operations.track(any(Operation.class))).willReturn(this.recorded.tracker);
		LocalPermits permits = new LocalPermits(2);
		TraefikAttachment traefik = new TraefikAttachment(this.runtime, Fixtures.routing());
		DownClass down = new DownClass(this.runtime,
				new WorkspaceCollector(this.runtime, this.store, Clock.systemUTC()),
				new AttemptRetention(this.store, CollectionProperties.defaults()), CollectionProperties.defaults(),
				permits, Fixtures.orchestrator(2));
		UpClass up = new UpClass(this.runtime, traefik, this.specs, permits, probe, new OrchestratorProperties(2,
				Duration.ofMinutes(10), 4, Duration.ofMillis(300), Duration.ofMillis(10)));
		TemplateCatalog templates = TemplateCatalog.of(List.of(Fixtures.codeserver()));
		ResetJob job = new ResetJob(this.runtime, down, up, templates, this.specs, traefik, permits, null, this.editor);
		return new StudentReset(this.access, new ClassLocks(redisson, new io.caas.classes.claim.ClassClaim(redisson)),
				this.runtime, templates, this.operations, runner, job);
	}

	private void room(ClassState state) {
		given(this.access.manageable(any(), any())).willReturn(new ClassRoom("cs101", "Intro", "CS", "codeserver",
				"teacher1", List.of("s1", "s2"), state, SESSION, "op", Instant.EPOCH, 1L));
	}

}
