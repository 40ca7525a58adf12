package io.caas.classes.it;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.routing.Labels;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.caas.classes.system.ReconcilerAccess;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults during a close on real Docker, MinIO, FerretDB and Redis. Each test checks, file
 * by file, that every file a workspace held is in storage with the same sha256, or that
 * its runtime is still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "caas.collection.retry-interval=1s", "caas.collection.retry-backoff=2s",
				"caas.collection.retry-attempts=50", "caas.collection.stop-grace=3s",
				"CAAS_TEMPLATE_WORKSPACE_MAX_FILES=300" })
// the demo seed provides subject `cs`, which the fixtures' classes belong to
@ActiveProfiles("demo")
@ExtendWith(DumpLogsOnFailure.class)
class CollectionFaultIT implements DumpLogsOnFailure.OwnsContainers {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final List<String> classes = new CopyOnWriteArrayList<>();

	private static final DockerTestSupport docker = new DockerTestSupport();

	private static final StoppableMinio store;

	static {
		Infra.mongo.start();
		Infra.redis.start();
		store = new StoppableMinio(docker, "col-minio-" + RUN);
	}

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, RUN, store::endpoint);
	}

	@AfterAll
	static void sweep() throws Exception {
		for (String classId : classes) {
			docker.sweep(Labels.classSelector(classId));
		}
		store.close();
		docker.close();
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Map.of(Labels.MANAGED, "true");
	}

	@Test
	void reopenAfterAFailedCloseKeepsEveryEarlierVerifiedFile() throws Exception {
		Classroom room = classroom(List.of("s1", "s2"));
		room.up();
		room.sh("s1", "mkdir -p src && echo 'print(1)' > src/main.py && head -c 6000000 /dev/urandom > data.bin");
		String deep = "a".repeat(250) + "/" + "b".repeat(250) + "/" + "c".repeat(250) + "/" + "d".repeat(250);
		room.sh("s2", "echo notes > notes.md && mkdir -p " + deep.substring(0, deep.lastIndexOf('/')) + " && echo x > "
				+ deep);
		Map<String, String> s1First = room.ledger("s1");

		JsonNode failed = room.finished(room.down());

		assertThat(Classroom.student(failed, "s1").path("state").asString()).isEqualTo("REMOVED");
		assertThat(Classroom.student(failed, "s2").path("state").asString()).isEqualTo("FAILED");
		assertThat(Classroom.student(failed, "s2").path("reason").asString()).isNotBlank();
		assertThat(room.container("s2")).isNotNull();

		room.up();
		room.sh("s2", "rm -rf " + deep.substring(0, 250) + " && echo more >> notes.md");
		room.sh("s1", "echo 'second week' > week2.txt");
		Map<String, String> s1Second = room.ledger("s1");
		Map<String, String> s2 = room.ledger("s2");
		JsonNode closed = room.finished(room.down());

		assertThat(closed.path("state").asString()).as(closed.toString()).isEqualTo("SUCCEEDED");
		String session = prefix(room);
		try (MinioClient minio = minio()) {
			Ledger.assertStored(minio, bucket(), session + "s1/", s1First);
			Ledger.assertStored(minio, bucket(), session + "s1/", s1Second);
			Ledger.assertStored(minio, bucket(), session + "s2/", s2);
		}
		assertThat(docker.containers(Labels.classSelector(room.classId))).isEmpty();
	}

	@Test
	void storageKilledWhileTenStudentsAreCollectedThenRetryFinishesTheClose() throws Exception {
		List<String> students = IntStream.rangeClosed(1, 10).mapToObj(i -> "s" + i).toList();
		Classroom room = classroom(students);
		room.up();
		Map<String, Map<String, String>> ledgers = new HashMap<>();
		for (String s : students) {
			room.sh(s, "mkdir -p src && for i in 1 2 3 4 5; do head -c $((i * 40000)) /dev/urandom > src/f$i; done"
					+ " && head -c 20000000 /dev/urandom > big.bin");
			ledgers.put(s, room.ledger(s));
		}

		String closing = room.down();
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> room.operation(closing).toString().contains("\"state\":\"REMOVED\""));
		store.kill();
		JsonNode failed = room.finished(closing);
		for (String s : students) {
			String state = Classroom.student(failed, s).path("state").asString();
			assertThat(state).isIn("REMOVED", "FAILED");
			assertThat(room.container(s) != null).as(s + " " + state + " keeps its runtime")
				.isEqualTo(state.equals("FAILED"));
		}
		assertThat(failed.path("state").asString()).as("storage was killed mid-close").isEqualTo("FAILED");

		store.start();
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> room.state().equals("CLOSED"));

		try (MinioClient minio = minio()) {
			for (String s : students) {
				Ledger.assertStored(minio, bucket(), prefix(room) + s + "/", ledgers.get(s));
			}
		}
		assertThat(docker.containers(Labels.classSelector(room.classId))).isEmpty();
	}

	@Test
	void aFileWrittenWhileTheCloseRunsIsInTheSnapshotOrItsRuntimeIsKept() throws Exception {
		Classroom room = classroom(List.of("s1"));
		room.up();
		room.sh("s1", "mkdir -p live");
		String container = room.container("s1");
		List<Integer> written = new CopyOnWriteArrayList<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		Thread writer = Thread.ofPlatform().start(() -> {
			for (int i = 1; writing.get() && i < 100_000; i++) {
				try {
					docker.exec(container, "1000", "echo " + i + " > " + Ledger.WORKSPACE + "/live/" + i);
					written.add(i);
				}
				catch (Exception ex) {
					// the runtime was stopped: this write did not happen
				}
			}
		});
		Thread.sleep(1500);

		JsonNode closed = room.finished(room.down());
		writing.set(false);
		writer.join();

		assertThat(written).isNotEmpty();
		if (room.container("s1") == null) {
			Map<String, String> expected = new HashMap<>();
			for (int i : written) {
				expected.put("live/" + i, LifecycleFixtures.sha256((i + "\n").getBytes()));
			}
			try (MinioClient minio = minio()) {
				Ledger.assertStored(minio, bucket(), prefix(room) + "s1/", expected);
			}
		}
		else {
			assertThat(Classroom.student(closed, "s1").path("state").asString()).isEqualTo("FAILED");
		}
	}

	@Test
	void replacedRootsAndOverLimitWorkspacesAreRetainedWithAReason() throws Exception {
		Classroom room = classroom(List.of("s1", "s2", "s3"));
		room.up();
		room.sh("s1", "echo a > a.txt && cd .. && mv workspace real && ln -s /tmp workspace");
		room.sh("s2", "for i in $(seq 1 301); do echo $i > f$i; done");
		room.sh("s3", "echo a > a.txt && cd .. && mv workspace real && echo file > workspace");

		JsonNode failed = room.finished(room.down());

		assertThat(Classroom.student(failed, "s1").path("reason").asString()).contains("symlink");
		assertThat(Classroom.student(failed, "s2").path("reason").asString()).contains("more than 300 files");
		assertThat(Classroom.student(failed, "s3").path("reason").asString()).contains("not a folder");
		for (String s : List.of("s1", "s2", "s3")) {
			assertThat(Classroom.student(failed, s).path("state").asString()).isEqualTo("FAILED");
			assertThat(room.container(s)).as(s).isNotNull();
		}
		assertThat(room.state()).isIn("OPEN", "CLOSING");
	}

	@Test
	void submissionsOfAClosedClassAreListedAndDownloadableByWhoMaySeeThem() throws Exception {
		Classroom room = classroom(List.of("s1", "s2"));
		room.up();
		room.sh("s1", "mkdir -p src && echo 'print(1)' > src/main.py");
		room.sh("s2", "echo secret > answer.txt");
		assertThat(room.finished(room.down()).path("state").asString()).isEqualTo("SUCCEEDED");
		Api api = new Api(this.port);
		String base = "/api/classes/" + room.classId + "/submissions";
		String session = room.sessionId();

		JsonNode all = api.get(base, Classroom.TEACHER, "teacher").body();
		assertThat(all.path("sessions").get(0).path("students")).hasSize(2);
		assertThat(all.toString()).contains("\"path\":\"src/main.py\"");
		assertThat(api.get(base, "s1", "student").body().toString()).doesNotContain("answer.txt");
		assertThat(api.get(base, "teacher2", "teacher").status()).isEqualTo(404);
		assertThat(api.bytes(base + "/" + session + "/s2.zip", "s1", "student").status()).isEqualTo(404);
		Api.Bytes zip = api.bytes(base + "/" + session + "/s1.zip", "s1", "student");
		assertThat(zip.status()).isEqualTo(200);
		assertThat(new String(zip.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("src/main.py");
		assertThat(api.get(base + "/" + session + "/s1/link?path=../s2/answer.txt", "s1", "student").status())
			.isEqualTo(400);
		String url = api.get(base + "/" + session + "/s1/link?path=src/main.py", "s1", "student").text("url");
		assertThat(new String(api.bytes(url, "s1", "student").body())).isEqualTo("print(1)\n");
		assertThat(api.bytes(url, "s2", "student").status()).isEqualTo(403);
	}

	@Test
	void aCloseInterruptedByACrashIsFinishedAfterTheRestartWithoutLosingAFile() throws Exception {
		Classroom room = classroom(List.of("s1", "s2"));
		room.up();
		room.sh("s1", "echo one > one.txt");
		room.sh("s2", "echo two > two.txt && head -c 7000000 /dev/urandom > big.bin");
		Map<String, String> s1 = room.ledger("s1");
		Map<String, String> s2 = room.ledger("s2");
		// What a SIGKILL mid-close leaves: one runtime stopped, none removed, the class
		// CLOSING and its DOWN operation RUNNING with no worker.
		docker.docker.stopContainerCmd(room.container("s1")).withTimeout(2).exec();
		String session = room.sessionId();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(room.classId)),
				new Update().set("state", ClassState.CLOSING).set("operationId", "crash" + room.classId),
				ClassRoom.class);
		this.mongo.insert(new Operation("crash" + room.classId, Transition.DOWN, room.classId, session,
				OperationState.RUNNING, null, Classroom.TEACHER, Instant.now().minus(Duration.ofMinutes(10)), null,
				List.of(), new Operation.Progress(0, 2), 0));

		ReconcilerAccess.reconcile(this.context);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> room.state().equals("CLOSED"));

		try (MinioClient minio = minio()) {
			Ledger.assertStored(minio, bucket(), prefix(room) + "s1/", s1);
			Ledger.assertStored(minio, bucket(), prefix(room) + "s2/", s2);
		}
		assertThat(docker.containers(Labels.classSelector(room.classId))).isEmpty();
	}

	private Classroom classroom(List<String> students) {
		String classId = "col" + RUN + classes.size();
		classes.add(classId);
		return new Classroom(new Api(this.port), docker, classId, students);
	}

	private static String prefix(Classroom room) {
		return room.classId + "/" + room.sessionId() + "/";
	}

	private static String bucket() {
		return "caas-it-" + RUN;
	}

	private static MinioClient minio() {
		return MinioClient.builder()
			.endpoint(store.endpoint())
			.credentials(Infra.MINIO_USER, Infra.MINIO_PASSWORD)
			.region("us-east-1")
			.build();
	}

}
