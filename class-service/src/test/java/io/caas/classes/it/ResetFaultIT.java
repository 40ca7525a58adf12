package io.caas.classes.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caas.classes.lifecycle.Transition;
import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationState;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.routing.Labels;
import io.caas.classes.system.ReconcilerAccess;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A student's reset whose workspace cannot be collected (storage stopped) on real Docker,
 * MinIO, FerretDB and Redis: the RESET operation ends FAILED with the reason, and the
 * student's runtime still runs with every file it held.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "caas.collection.stop-grace=3s", "caas.collection.retry-interval=0s" })
@ActiveProfiles("demo")
@ExtendWith(DumpLogsOnFailure.class)
class ResetFaultIT implements DumpLogsOnFailure.OwnsContainers {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final DockerTestSupport docker = new DockerTestSupport();

	private static final StoppableMinio store;

	static {
		Infra.mongo.start();
		Infra.redis.start();
		store = new StoppableMinio(docker, "rst4-minio-" + RUN);
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
		docker.sweep(Labels.classSelector("rst4" + RUN));
		docker.sweep(Labels.classSelector("rst4c" + RUN));
		store.close();
		docker.close();
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Labels.managedSelector();
	}

	@Test
	void aResetInterruptedAfterItRemovedTheRuntimeGetsTheStudentARuntimeAgainFromTheReconciler() throws Exception {
		Api api = new Api(this.port);
		Classroom room = new Classroom(api, docker, "rst4c" + RUN, List.of("s1", "s2"));
		room.up();
		String other = room.container("s2");
		// What a SIGKILL after a verified collection leaves: s1's runtime removed, the
		// class OPEN, its RESET operation RUNNING with no worker.
		docker.docker.removeContainerCmd(room.container("s1")).withForce(true).exec();
		this.mongo.insert(new Operation("crash" + room.classId, Transition.RESET, room.classId, room.sessionId(),
				OperationState.RUNNING, null, Classroom.TEACHER, Instant.now().minus(Duration.ofMinutes(10)), null,
				List.of(new Operation.StudentProgress("s1", StudentStep.VERIFIED, null, 1, 10)),
				new Operation.Progress(0, 1), 4));

		ReconcilerAccess.reconcile(this.context);

		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> room.container("s1") != null && room.state().equals("OPEN"));
		assertThat(room.operation("crash" + room.classId).path("state").asString()).isEqualTo("FAILED");
		assertThat(room.container("s2")).as("the classmate is untouched").isEqualTo(other);
	}

	@Test
	void aResetThatCannotCollectEndsFailedAndTheRuntimeRunsOnWithItsFiles() throws Exception {
		Api api = new Api(this.port);
		Classroom room = new Classroom(api, docker, "rst4" + RUN, List.of("s1"));
		room.up();
		room.sh("s1", "mkdir -p src && echo 'print(1)' > src/main.py && head -c 300000 /dev/urandom > data.bin");
		Map<String, String> ledger = room.ledger("s1");
		String before = room.container("s1");
		store.kill();
		try {
			Api.Response reset = api.post("/api/classes/" + room.classId + "/students/s1/reset", Classroom.TEACHER,
					"teacher", "");
			assertThat(reset.status()).as(String.valueOf(reset.body())).isEqualTo(202);

			JsonNode failed = room.finished(reset.text("operationId"));

			assertThat(failed.path("kind").asString()).isEqualTo("RESET");
			assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("FAILED");
			JsonNode student = Classroom.student(failed, "s1");
			assertThat(student.path("state").asString()).isEqualTo("FAILED");
			assertThat(student.path("reason").asString()).startsWith("collection-failed: ")
				.contains("nothing was removed");
			assertThat(room.container("s1")).as("the runtime was not replaced").isEqualTo(before);
			assertThat(docker.docker.inspectContainerCmd(before).exec().getState().getRunning()).isTrue();
			assertThat(room.ledger("s1")).isEqualTo(ledger);
			assertThat(room.state()).isEqualTo("OPEN");
		}
		finally {
			store.start();
		}
	}

}
