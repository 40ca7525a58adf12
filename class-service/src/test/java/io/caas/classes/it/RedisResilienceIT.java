package io.caas.classes.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.operation.OperationTracker;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.Labels;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.system.ReconcilerAccess;
import io.caas.classes.support.DumpLogsOnFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.caas.classes.it.LifecycleFixtures.awaitFinished;
import static org.awaitility.Awaitility.await;
import static io.caas.classes.it.LifecycleFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on real FerretDB, Redis, MinIO and Docker while Redis misbehaves:
 * unreachable (paused) → an open is refused with a clear 503 and nothing is half-created;
 * emptied with every client connection cut (what a restart without persistence does)
 * while the service runs → the next open and close succeed without restarting anything.
 * And operation documents change only forward: a stale copy never overturns an outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the demo seed provides subject `cs`, which the fixtures' classes belong to
@ActiveProfiles("demo")
@ExtendWith(DumpLogsOnFailure.class)
class RedisResilienceIT implements DumpLogsOnFailure.OwnsContainers {

	static final String RUN = "orc" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final String TEACHER = ClassLifecycleIT.TEACHER;

	private static final List<String> classes = new CopyOnWriteArrayList<>();

	private static DockerTestSupport docker;

	static {
		Infra.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	OperationService operations;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, RUN);
	}

	@BeforeAll
	static void engine() {
		docker = new DockerTestSupport();
	}

	@AfterAll
	static void sweep() throws Exception {
		for (String classId : classes) {
			docker.sweep(Labels.classSelector(classId));
		}
		docker.close();
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Map.of(Labels.MANAGED, "true", "caas.class", classes.isEmpty() ? "none" : classes.getLast());
	}

	@Test
	void openWhileRedisIsUnreachableThenRefused503AndNothingHalfCreated() {
		Api api = new Api(this.port);
		String classId = createClass(api);
		String redis = Infra.redis.getContainerId();
		docker.docker.pauseContainerCmd(redis).exec();
		Api.Response refused;
		try {
			refused = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		}
		finally {
			docker.docker.unpauseContainerCmd(redis).exec();
		}

		assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(503);
		assertThat(refused.text("code")).isEqualTo("coordination-unavailable");
		assertThat(api.get("/api/classes/" + classId, TEACHER, "teacher").text("state")).isEqualTo("CLOSED");
		assertThat(docker.containers(Labels.classSelector(classId))).isEmpty();
		assertThat(docker.networks(Labels.classSelector(classId))).isEmpty();
	}

	@Test
	void redisRestartedEmptyWhileRunningThenNextOpenAndCloseSucceed() throws Exception {
		Api api = new Api(this.port);
		String warmup = createClass(api);
		// the provision semaphore exists before Redis loses everything
		String first = api.post("/api/classes/" + warmup + "/up", TEACHER, "teacher", "").text("operationId");
		assertThat(awaitFinished(api, first).path("state").asString()).isEqualTo("SUCCEEDED");

		docker.exec(Infra.redis.getContainerId(), "root", "redis-cli FLUSHALL && redis-cli CLIENT KILL TYPE normal"
				+ " && redis-cli CLIENT KILL TYPE pubsub; redis-cli DBSIZE");

		String classId = createClass(api);
		String opened = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "").text("operationId");
		assertThat(awaitFinished(api, opened).path("state").asString()).isEqualTo("SUCCEEDED");
		String closed = api.post("/api/classes/" + classId + "/down", TEACHER, "teacher", "").text("operationId");
		assertThat(awaitFinished(api, closed).path("state").asString()).isEqualTo("SUCCEEDED");
		String closedWarmup = api.post("/api/classes/" + warmup + "/down", TEACHER, "teacher", "").text("operationId");
		assertThat(awaitFinished(api, closedWarmup).path("state").asString()).isEqualTo("SUCCEEDED");

		assertThat(api.get("/api/classes/" + classId, TEACHER, "teacher").text("state")).isEqualTo("CLOSED");
		assertThat(docker.containers(Labels.classSelector(classId))).isEmpty();
	}

	@Test
	void stoppedRuntimeOfAnOpenClassIsStartedAgainByTheReconciler() throws Exception {
		Api api = new Api(this.port);
		String classId = createClass(api);
		String opened = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "").text("operationId");
		assertThat(awaitFinished(api, opened).path("state").asString()).isEqualTo("SUCCEEDED");
		String runtime = docker.containers(Labels.classSelector(classId)).getFirst().getId();
		docker.exec(runtime, "1000", "echo kept > /home/student/workspace/kept.txt");
		// what an engine restart leaves: the runtime stopped, the class OPEN
		docker.docker.stopContainerCmd(runtime).withTimeout(5).exec();

		ReconcilerAccess.reconcile(this.context);

		assertThat(docker.docker.inspectContainerCmd(runtime).exec().getState().getRunning()).isTrue();
		assertThat(docker.exec(runtime, "1000", "cat /home/student/workspace/kept.txt")).isEqualTo("kept\n");
		String closed = api.post("/api/classes/" + classId + "/down", TEACHER, "teacher", "").text("operationId");
		assertThat(awaitFinished(api, closed).path("state").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void aStaleCopyOfAnOperationCannotOverturnItsOutcome() {
		// a close: its steps are written one by one (an open's are coalesced), so the
		// stale write is done below
		Operation started = finishedThenStale(Transition.DOWN, "stale", StudentStep.REMOVED, true);

		assertOutcomeKept(started, StudentStep.REMOVED);
	}

	@Test
	void aStaleCopyOfAnOpenCannotOverturnItsOutcomeEvenWrittenLater() {
		// an open's steps are written at most every 250 ms: the stale step is written
		// after the end
		Operation started = finishedThenStale(Transition.UP, "stale-up", StudentStep.READY, false);

		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertOutcomeKept(started, StudentStep.READY));
	}

	/**
	 * An operation its owner finished with {@code last}, then a stale tracker of it
	 * (abandoned first if {@code abandon}) reports the student FAILED.
	 */
	private Operation finishedThenStale(Transition kind, String suffix, StudentStep last, boolean abandon) {
		Operation started = this.operations.start(OperationService.newId(), kind, RUN + suffix, "s", List.of("s1"),
				TEACHER);
		OperationTracker owner = this.operations.track(started);
		owner.step("s1", last);
		owner.finish(null);
		if (abandon) {
			this.operations.abandon(started, "interrupted");
		}
		this.operations.track(started).step("s1", StudentStep.FAILED);
		return started;
	}

	private void assertOutcomeKept(Operation started, StudentStep last) {
		Operation stored = this.operations.find(started.id()).orElseThrow();
		assertThat(stored.state()).isEqualTo(OperationState.SUCCEEDED);
		assertThat(stored.students()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(last));
	}

	private static String createClass(Api api) {
		String classId = RUN + classes.size();
		classes.add(classId);
		assertThat(api.post("/api/classes", TEACHER, "teacher", body(classId, List.of("s1"))).status()).isEqualTo(201);
		return classId;
	}

}
