package io.caas.classes.it;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caas.classes.routing.Labels;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

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

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, RUN, store::endpoint);
	}

	@AfterAll
	static void sweep() throws Exception {
		docker.sweep(Labels.classSelector("rst4" + RUN));
		store.close();
		docker.close();
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Labels.classSelector("rst4" + RUN);
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
