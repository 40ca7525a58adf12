package io.caas.classes.it;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.caas.classes.routing.Labels;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Carry-over on real Docker, MinIO, FerretDB and Redis: what a student had when the class
 * closed is in their new workspace at the next open, file by file with the same sha256,
 * mode and owner; without carry-over the next workspace is empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "caas.collection.stop-grace=3s", "caas.collection.retry-interval=0s" })
// the demo seed provides subject `cs`, which the fixtures' classes belong to
@ActiveProfiles("demo")
@ExtendWith(DumpLogsOnFailure.class)
class CarryOverIT implements DumpLogsOnFailure.OwnsContainers {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final List<String> classes = new CopyOnWriteArrayList<>();

	private static final DockerTestSupport docker = new DockerTestSupport();

	static {
		Infra.start();
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, RUN);
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
		return Map.of(Labels.MANAGED, "true");
	}

	@Test
	void openWithCarryOverRestoresEveryFileOfTheLastCloseAndWithoutItStartsEmpty() throws Exception {
		String classId = "col" + RUN + "carry";
		classes.add(classId);
		Api api = new Api(this.port);
		Classroom room = new Classroom(api, docker, classId, List.of("s1", "s2"));
		section(api, classId, true);
		room.up();
		room.sh("s1",
				"mkdir -p src/pkg empty && printf 'print(1)\\n' > src/main.py && echo lib > src/pkg/lib.py"
						+ " && printf '#!/bin/sh\\necho hi\\n' > run.sh && chmod 755 run.sh"
						+ " && head -c 6000000 /dev/urandom > data.bin && touch blank.txt");
		room.sh("s2", "echo 'only me' > notes.md");
		Map<String, String> s1 = room.ledger("s1");
		Map<String, String> s2 = room.ledger("s2");
		assertThat(s1).hasSize(5);
		assertThat(room.finished(room.down()).path("state").asString()).isEqualTo("SUCCEEDED");
		String firstSession = room.sessionId();

		room.up();

		assertThat(room.sessionId()).isNotEqualTo(firstSession);
		assertThat(room.ledger("s1")).isEqualTo(s1);
		assertThat(room.ledger("s2")).isEqualTo(s2);
		assertThat(room.sh("s1", "stat -c '%a %u %n' run.sh src/main.py src/pkg")).contains("755 1000 run.sh",
				"644 1000 src/main.py", "755 1000 src/pkg");
		room.sh("s1", "echo 'week 2' > week2.txt && touch src/pkg/new.py");

		assertThat(room.finished(room.down()).path("state").asString()).isEqualTo("SUCCEEDED");
		section(api, classId, false);
		room.up();

		assertThat(room.ledger("s1")).isEmpty();
		assertThat(room.ledger("s2")).isEmpty();
		assertThat(room.finished(room.down()).path("state").asString()).isEqualTo("SUCCEEDED");
	}

	private static void section(Api api, String classId, boolean carryOver) {
		assertThat(api
			.put("/api/classes/" + classId + "/section", Classroom.TEACHER, "teacher",
					"{\"carryOver\":" + carryOver + "}")
			.status()).isEqualTo(200);
	}

}
