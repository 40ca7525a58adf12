package io.caas.classes.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caas.classes.routing.Labels;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.template.EditorDefaults;
import io.caas.classes.template.EditorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on real FerretDB, Redis, MinIO and Docker: a class opened on a
 * template an admin stored with AI chat allowed and auto-save off gets those IDE settings
 * in its runtimes, a class on the configured template the classroom defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(DumpLogsOnFailure.class)
class EditorDefaultsIT implements DumpLogsOnFailure.OwnsContainers {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final String TEACHER = "teacher1";

	private static DockerTestSupport docker;

	static {
		Infra.start();
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, "sch3" + RUN);
	}

	@BeforeAll
	static void engine() {
		docker = new DockerTestSupport();
	}

	@AfterAll
	static void sweep() throws Exception {
		for (String suffix : List.of("ai", "cl")) {
			docker.sweep(Labels.classSelector("sch3" + RUN + suffix));
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

	@Test
	void openingAClassWritesItsTemplatesEditorDefaultsIntoEveryRuntime() throws Exception {
		Api api = new Api(this.port);
		String template = "sch3" + RUN + "ai";
		Api.Response created = api.post("/api/templates", "admin", "admin", """
				{"id":"%s","displayName":"AI allowed","image":"%s","editor":{"autoSave":false,"aiChat":true}}
				""".formatted(template, DockerTestSupport.RUNTIME_IMAGE));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		String ai = createClass(api, "ai", template);
		String classroom = createClass(api, "cl", "codeserver");

		open(api, ai);
		open(api, classroom);

		assertThat(settingsOf(ai)).isEqualTo(EditorSettings.of(new EditorDefaults(false, true, false)))
			.containsEntry("files.autoSave", "off")
			.doesNotContainKey("chat.disableAIFeatures");
		assertThat(settingsOf(classroom)).isEqualTo(EditorSettings.of(EditorDefaults.CLASSROOM))
			.containsEntry("chat.disableAIFeatures", true);
	}

	private static String createClass(Api api, String suffix, String templateId) {
		String classId = "sch3" + RUN + suffix;
		Api.Response created = api.post("/api/classes", TEACHER, "teacher", """
				{"classId":"%s","name":"Editor %s","subject":"cs","templateId":"%s","students":["s1"]}
				""".formatted(classId, suffix, templateId));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		return classId;
	}

	private static void open(Api api, String classId) throws Exception {
		Api.Response up = api.post("/api/classes/" + classId + "/up", TEACHER, "teacher", "");
		assertThat(up.status()).isEqualTo(202);
		Api.Event done = api.events("/api/operations/" + up.text("operationId") + "/events", TEACHER, "teacher")
			.getLast();
		assertThat(done.data().path("state").asString()).as(done.data().toString()).isEqualTo("SUCCEEDED");
	}

	private static Map<String, Object> settingsOf(String classId) throws InterruptedException {
		String container = docker.containers(Map.of(Labels.CLASS, classId, Labels.STUDENT, "s1")).getFirst().getId();
		String json = docker.exec(container, "1000", "cat " + EditorSettings.MACHINE_DIR + "/settings.json");
		return JsonMapper.builder().build().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

}
