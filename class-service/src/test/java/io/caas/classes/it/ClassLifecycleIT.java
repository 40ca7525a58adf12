package io.caas.classes.it;

import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.model.Network;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationService;
import io.caas.classes.operation.OperationState;
import io.caas.classes.operation.OperationTracker;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.Labels;
import io.caas.classes.routing.Names;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.session.StudentSpecs;

import io.caas.classes.system.ReconcilerAccess;
import io.caas.classes.template.TemplateCatalog;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.caas.classes.it.LifecycleFixtures.awaitFinished;
import static io.caas.classes.it.LifecycleFixtures.body;
import static io.caas.classes.it.LifecycleFixtures.crashDuring;
import static io.caas.classes.it.LifecycleFixtures.minio;
import static io.caas.classes.it.LifecycleFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on real FerretDB, Redis, MinIO and Docker: a teacher opens a class, a
 * student writes a file, the teacher closes it and the file is in the bucket. The last
 * test stops MinIO, so it runs last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ActiveProfiles("demo")
@ExtendWith(DumpLogsOnFailure.class)
class ClassLifecycleIT implements DumpLogsOnFailure.OwnsContainers {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	static final String TEACHER = "teacher1";

	private static final List<String> classes = new CopyOnWriteArrayList<>();

	private static DockerTestSupport docker;

	static {
		Infra.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ContainerRuntime runtime;

	@Autowired
	StudentSpecs specs;

	@Autowired
	OperationService operations;

	@Autowired
	TemplateCatalog templates;

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
		Infra.mongo.stop();
		Infra.redis.stop();
		Infra.minio.stop();
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Map.of(Labels.MANAGED, "true");
	}

	/**
	 * Heartbeats of a running operation, beat as fast as they come while its steps and
	 * its end are written, never bring back an older copy of it on the real Mongo-wire
	 * server (a close once stayed RUNNING after it SUCCEEDED when the beat was a field of
	 * the operation), and the owner counts as alive only while it beats.
	 */
	@Test
	@Order(0)
	void heartbeatsNeverPutBackAnOlderCopyOfTheirOperation() throws Exception {
		List<String> students = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "s" + i).toList();
		Operation started = this.operations.start(OperationService.newId(), Transition.DOWN, RUN + "beat", "s",
				students, "teacher1");
		OperationTracker tracker = this.operations.track(started);
		java.time.Instant before = java.time.Instant.now().minusSeconds(1);
		Thread beating = Thread.ofPlatform().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				this.operations.heartbeat(started.id());
			}
		});
		try {
			for (String student : students) {
				tracker.step(student, StudentStep.COLLECTING);
				tracker.step(student, StudentStep.REMOVED);
			}
			assertThat(this.operations.ownerAliveSince(started.id(), before)).isTrue();
			tracker.finish(null);
		}
		finally {
			beating.interrupt();
			beating.join();
		}

		Operation stored = this.operations.find(started.id()).orElseThrow();
		assertThat(stored.state()).isEqualTo(OperationState.SUCCEEDED);
		assertThat(stored.seq()).isEqualTo(tracker.snapshot().seq());
		assertThat(stored.students()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StudentStep.REMOVED));
	}

	@Test
	@Order(1)
	void classApiValidatesIdsRosterAndAccess() {
		Api api = api();
		String classId = newClassId();
		assertThat(api.get("/api/templates", "student1", "student").body().toString()).contains("\"codeserver\"");
		assertThat(api.get("/api/classes", null, null).status()).isEqualTo(401);
		Api.Response bad = api.post("/api/classes", TEACHER, "teacher", body("Bad-Id", List.of("s1")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text("detail")).contains("class id 'Bad-Id'");
		assertThat(api.post("/api/classes", TEACHER, "teacher", body(classId, List.of("s1", "S_2"))).text("detail"))
			.contains("student id 'S_2'");
		assertThat(api.post("/api/classes", TEACHER, "teacher", body(classId, List.of("s1", "s1"))).text("code"))
			.isEqualTo("duplicate-student");
		assertThat(api.post("/api/classes", "student1", "student", body(classId, List.of("s1"))).status())
			.isEqualTo(403);

		Api.Response created = api.post("/api/classes", TEACHER, "teacher", body(classId, List.of("s1", "s2")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).isEqualTo("/api/classes/" + classId);
		assertThat(created.text("state")).isEqualTo("CLOSED");
		assertThat(api.post("/api/classes", TEACHER, "teacher", body(classId, List.of())).status()).isEqualTo(409);

		Api.Response csv = api.postCsv("/api/classes/" + classId + "/roster.csv", TEACHER, "teacher",
				"student,name\ns3,Ada\ns1,Alan\n");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().path("students").toString()).isEqualTo("[\"s3\",\"s1\"]");
		assertThat(api.put("/api/classes/" + classId + "/roster", TEACHER, "teacher", "{\"students\":[\"s1\",\"s2\"]}")
			.status()).isEqualTo(200);

		assertThat(api.get("/api/classes/" + classId, "teacher2", "teacher").status()).isEqualTo(404);
		assertThat(api.get("/api/classes/" + classId, "s9", "student").status()).isEqualTo(404);
		Api.Response asStudent = api.get("/api/classes/" + classId, "s2", "student");
		assertThat(asStudent.status()).isEqualTo(200);
		assertThat(asStudent.body().path("students").toString()).isEqualTo("[\"s2\"]");
		assertThat(api.get("/api/classes", "s2", "student").body().toString()).contains(classId);
		assertThat(api.get("/api/classes", "teacher2", "teacher").body().toString()).doesNotContain(classId);
	}

	@Test
	@Order(2)
	void demoProfileSeedsTheDemoClassClosed() {
		Api.Response demo = api().get("/api/classes/cs101", TEACHER, "teacher");

		assertThat(demo.status()).isEqualTo(200);
		assertThat(demo.text("name")).isEqualTo("Intro to Programming");
		assertThat(demo.text("state")).isEqualTo("CLOSED");
		assertThat(demo.text("templateId")).isEqualTo("codeserver");
		assertThat(demo.body().path("students").toString())
			.isEqualTo("[\"student1\",\"student2\",\"student3\",\"student4\",\"student5\"]");
	}

	@Test
	@Order(2)
	void upWhenCalledByAStudentThenForbidden() {
		Api api = api();
		String classId = createClass(List.of("s1"));

		Api.Response response = api.post("/api/classes/" + classId + "/up", "s1", "student", "");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.text("code")).isEqualTo("forbidden");
		assertThat(docker.containers(Labels.classSelector(classId))).isEmpty();
	}

	@Test
	@Order(3)
	void upThenDownSavesTheWorkspaceToTheBucketAndKeepsOnlyTheNetworksTheNextOpenReuses() throws Exception {
		Api api = api();
		String classId = createClass(List.of("s1", "s2"));

		Api.Response up = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		assertThat(up.status()).isEqualTo(202);
		List<Api.Event> events = api.events("/api/operations/" + up.text("operationId") + "/events", TEACHER,
				"teacher");
		Api.Event done = events.getLast();
		assertThat(done.name()).isEqualTo("done");
		assertThat(done.data().path("state").asString()).as(done.data().toString()).isEqualTo("SUCCEEDED");
		assertThat(done.data().path("progress").toString()).isEqualTo("{\"done\":2,\"total\":2}");
		assertThat(events.stream().filter(e -> e.name().equals("progress")).map(e -> e.data().path("seq").asLong()))
			.isSorted()
			.doesNotHaveDuplicates();

		JsonNode status = api.get("/api/classes/" + classId + "/status", TEACHER, "teacher").body();
		String sessionId = status.path("sessionId").asString();
		assertThat(status.path("state").asString()).isEqualTo("OPEN");
		assertThat(sessionId).matches("^\\d{8}t\\d{6}z-[a-z0-9]{4}$");
		assertThat(status.path("students").get(0).path("state").asString()).isEqualTo("READY");
		assertThat(status.path("students").get(0).path("ideUrl").asString())
			.isEqualTo("http://" + classId + "-s1-ide.caas.localhost");

		String content = "print('saved by " + classId + "')\n";
		String container = docker.containers(Map.of(Labels.CLASS, classId, Labels.STUDENT, "s1")).getFirst().getId();
		String encoded = java.util.Base64.getEncoder().encodeToString(content.getBytes());
		docker.exec(container, "1000", "mkdir -p /home/student/workspace/src && echo " + encoded
				+ " | base64 -d > /home/student/workspace/src/main.py");

		Api.Response down = api.post("/api/classes/" + classId + "/down", TEACHER, "teacher", "");
		assertThat(down.status()).isEqualTo(202);
		JsonNode closed = awaitFinished(api, down.text("operationId"));
		assertThat(closed.path("state").asString()).as(closed.toString()).isEqualTo("SUCCEEDED");
		assertThat(closed.path("students").toString()).contains("\"state\":\"REMOVED\"");

		try (MinioClient minio = minio()) {
			JsonNode manifest = LifecycleFixtures.latestManifest(minio, "caas-it-" + RUN,
					classId + "/" + sessionId + "/s1/");
			String key = classId + "/" + sessionId + "/s1/" + manifest.path("attemptId").asString()
					+ "/files/src/main.py";
			byte[] stored = minio.getObject(GetObjectArgs.builder().bucket("caas-it-" + RUN).object(key).build())
				.readAllBytes();
			assertThat(new String(stored)).isEqualTo(content);
			assertThat(manifest.path("files").toString()).contains("\"sha256\":\"" + sha256(content.getBytes()) + "\"");
		}
		assertThat(docker.containers(Labels.classSelector(classId))).isEmpty();
		// the students' networks stay for the next lesson (NetworkRetention), nothing
		// else
		List<Network> kept = docker.networks(Labels.classSelector(classId));
		assertThat(kept).extracting(Network::getName)
			.containsExactlyInAnyOrder(Names.network("caas", classId, "s1"), Names.network("caas", classId, "s2"));
		assertThat(api.get("/api/classes/" + classId, TEACHER, "teacher").text("state")).isEqualTo("CLOSED");

		Api.Response reopen = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		assertThat(reopen.status()).isEqualTo(202);
		JsonNode reopened = awaitFinished(api, reopen.text("operationId"));
		assertThat(reopened.path("state").asString()).as(reopened.toString()).isEqualTo("SUCCEEDED");
		for (String student : List.of("s1", "s2")) {
			String on = docker.containers(Map.of(Labels.CLASS, classId, Labels.STUDENT, student)).getFirst().getId();
			assertThat(docker.docker.inspectContainerCmd(on).exec().getNetworkSettings().getNetworks())
				.as("the runtime is on the network kept for it")
				.containsOnlyKeys(Names.network("caas", classId, student));
		}
		assertThat(docker.networks(Labels.classSelector(classId))).extracting(Network::getId)
			.containsExactlyInAnyOrderElementsOf(kept.stream().map(Network::getId).toList());
		Api.Response closeAgain = api.post("/api/classes/" + classId + "/down", TEACHER, "teacher", "");
		assertThat(awaitFinished(api, closeAgain.text("operationId")).path("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(docker.containers(Labels.classSelector(classId))).isEmpty();
		Api.Response again = api.post("/api/classes/" + classId + "/down", TEACHER, "teacher", "");
		assertThat(again.status()).isEqualTo(202);
		assertThat(api.get("/api/operations/" + again.text("operationId"), TEACHER, "teacher").text("state"))
			.isEqualTo("SUCCEEDED");
	}

	@Test
	@Order(4)
	void upWhileOpeningThenConflict() {
		Api api = api();
		String classId = createClass(List.of("s1"));

		Api.Response first = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		Api.Response second = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		Api.Response roster = api.put("/api/classes/" + classId + "/roster", TEACHER, "teacher",
				"{\"students\":[\"s1\",\"s2\"]}");

		assertThat(first.status()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.text("code")).isEqualTo("class-busy");
		assertThat(roster.status()).isEqualTo(409);
		assertThat(awaitFinished(api, first.text("operationId")).path("state").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	@Order(5)
	void reconcilerHealsClassesACrashLeftHalfway() {
		Api api = api();
		String empty = createClass(List.of("s1"));
		String populated = createClass(List.of("s1"));
		String session = "20261124t000000z-it03";
		this.runtime.ensureNetwork(this.specs.network(populated, "s1", this.templates.require("codeserver")));
		this.runtime
			.createAndStart(this.specs.container(populated, "s1", session, this.templates.require("codeserver")));
		crashDuring(this.mongo, empty, ClassState.OPENING, session);
		crashDuring(this.mongo, populated, ClassState.CLOSING, session);

		String leftover = createClass(List.of("s1"));
		this.runtime.ensureNetwork(this.specs.network(leftover, "s1", this.templates.require("codeserver")));
		// a student no longer on the roster: their network is not kept
		this.runtime.ensureNetwork(this.specs.network(leftover, "s9", this.templates.require("codeserver")));

		ReconcilerAccess.reconcile(this.context);

		assertThat(api.get("/api/classes/" + empty, TEACHER, "teacher").text("state")).isEqualTo("CLOSED");
		assertThat(api.get("/api/classes/" + populated, TEACHER, "teacher").text("state")).isEqualTo("OPEN");
		for (String classId : List.of(empty, populated)) {
			JsonNode operation = api.get("/api/operations/crash" + classId, TEACHER, "teacher").body();
			assertThat(operation.path("state").asString()).isEqualTo("FAILED");
			assertThat(operation.path("message").asString()).isEqualTo("interrupted");
		}
		assertThat(docker.networks(Labels.classSelector(empty))).isEmpty();
		assertThat(docker.networks(Labels.classSelector(leftover))).extracting(Network::getName)
			.containsExactly(Names.network("caas", leftover, "s1"));
		assertThat(docker.containers(Labels.classSelector(populated))).hasSize(1);
	}

	@Test
	@Order(6)
	void downWhenStorageUnavailableThenContainersStay() {
		Api api = api();
		String classId = createClass(List.of("s1"));
		String opened = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "").text("operationId");
		assertThat(awaitFinished(api, opened).path("state").asString()).isEqualTo("SUCCEEDED");

		Infra.minio.stop();
		String closing = api.post("/api/classes/" + classId + "/down", TEACHER, "teacher", "").text("operationId");
		JsonNode failed = awaitFinished(api, closing);

		assertThat(failed.path("state").asString()).isEqualTo("FAILED");
		assertThat(failed.path("students").get(0).path("state").asString()).isEqualTo("FAILED");
		assertThat(failed.path("students").get(0).path("reason").asString()).isNotBlank();
		assertThat(docker.containers(Labels.classSelector(classId))).hasSize(1);
		assertThat(docker.networks(Labels.classSelector(classId))).hasSize(1);
		assertThat(api.get("/api/classes/" + classId, TEACHER, "teacher").text("state")).isEqualTo("OPEN");
		// stopped for the snapshot and kept so; reopening the class starts it again
		assertThat(api.get("/api/classes/" + classId + "/status", TEACHER, "teacher")
			.body()
			.path("students")
			.get(0)
			.path("reason")
			.asString()).startsWith("exited");
	}

	@Test
	@Order(7)
	void reconcilerJoinsARecreatedTraefikToEveryOpenClassNetwork() {
		String classId = createClass(List.of("s1"));
		String session = "20261124t000000z-it07";
		this.runtime.ensureNetwork(this.specs.network(classId, "s1", this.templates.require("codeserver")));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(classId)),
				new Update().set("state", ClassState.OPEN).set("sessionId", session), ClassRoom.class);
		// A fresh Traefik, as after `docker compose up` recreated it: on no class network
		// yet.
		String traefik = docker.docker.createContainerCmd(DockerTestSupport.RUNTIME_IMAGE)
			.withName("itlife-traefik-" + RUN)
			.withLabels(Map.of(Labels.MANAGED, "true", Labels.INSTALLATION, "caas", Labels.CLASS, classId, "caas.role",
					"absent-in-" + RUN))
			.exec()
			.getId();

		ReconcilerAccess.reconcile(this.context);

		assertThat(docker.docker.inspectContainerCmd(traefik).exec().getNetworkSettings().getNetworks())
			.containsKey(Names.network("caas", classId, "s1"));
	}

	private Api api() {
		return new Api(this.port);
	}

	private String createClass(List<String> students) {
		String classId = newClassId();
		assertThat(api().post("/api/classes", TEACHER, "teacher", body(classId, students)).status()).isEqualTo(201);
		return classId;
	}

	private static String newClassId() {
		String classId = "itlife" + RUN + classes.size();
		classes.add(classId);
		return classId;
	}

}
