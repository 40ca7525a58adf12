package io.caas.classes.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.template.TemplateCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin-managed templates on the real Mongo-wire server (FerretDB) and the real engine:
 * the configured allowlist is seeded, an image must be present and carry the runtime
 * label, a template a class uses cannot be deleted, and the orchestrator's lookups see
 * what admins stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TemplateAdminIT {

	static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	/** Built for this test from a local image, with the runtime label. */
	static final String LABELLED = "sch-runtime-" + RUN + ":test";

	static DockerTestSupport docker;

	static {
		Infra.start();
	}

	@LocalServerPort
	int port;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	MongoTemplate mongo;

	private Api api;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		Infra.register(registry, "sch" + RUN);
	}

	@BeforeAll
	static void labelledImage() throws IOException {
		docker = new DockerTestSupport();
		Path dir = Files.createTempDirectory("sch-image");
		Files.writeString(dir.resolve("Dockerfile"),
				"FROM caas-local/debian:bookworm\nLABEL caas.runtime=\"sch-test\" caas.test=\"true\"\n");
		docker.docker.buildImageCmd(dir.toFile())
			.withTags(Set.of(LABELLED))
			.withPull(false)
			.exec(new BuildImageResultCallback())
			.awaitImageId();
	}

	@AfterAll
	static void cleanUp() throws IOException {
		try {
			docker.docker.removeImageCmd(LABELLED).withForce(true).exec();
		}
		catch (NotFoundException ex) {
			// already gone
		}
		docker.close();
		Infra.mongo.stop();
		Infra.redis.stop();
		Infra.minio.stop();
	}

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@Test
	void configuredTemplateIsSeededAndListedForEveryone() {
		JsonNode list = this.api.get("/api/templates", "student1", "student").body();
		assertThat(list.findValuesAsString("id")).contains("codeserver");
		JsonNode codeserver = list.get(0);
		assertThat(codeserver.path("origin").asString()).isEqualTo("config");
		assertThat(codeserver.path("editor").path("autoSave").asBoolean()).isTrue();
		assertThat(codeserver.path("editor").path("aiChat").asBoolean()).isFalse();
		assertThat(codeserver.path("editor").path("welcome").asBoolean()).isFalse();
		assertThat(this.mongo.getCollection("templates").countDocuments()).isPositive();
	}

	@Test
	void adminCreatesReplacesAndDeletesATemplateOfALabelledImage() {
		String id = "sch" + RUN + "a";
		Api.Response created = this.api.post("/api/templates", "admin", "admin", """
				{"id":"%s","name":"Exam","image":"%s","cpus":0.5,"memory":"512m","pids":256,"diskLimit":"2GB",
				 "idleTimeout":"20m","internetEgress":false,"workspaceMaxSize":"200MB","workspaceMaxFiles":1000,
				 "editor":{"aiChat":true}}
				""".formatted(id, LABELLED));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		assertThat(created.body().path("diskLimitBytes").asLong()).isEqualTo(2L << 30);
		assertThat(created.body().path("idleTimeoutSeconds").asLong()).isEqualTo(1200);
		assertThat(created.body().path("editor").path("aiChat").asBoolean()).isTrue();
		assertThat(created.body().path("editor").path("autoSave").asBoolean()).isTrue();
		assertThat(this.catalog.require(id).memoryBytes()).isEqualTo(512L << 20);
		assertThat(this.catalog.require(id).internetEgress()).isFalse();

		assertThat(this.api.post("/api/templates", "admin", "admin", """
				{"id":"%s","displayName":"Again","image":"%s"}
				""".formatted(id, LABELLED)).text("code")).isEqualTo("template-exists");

		Api.Response replaced = this.api.put("/api/templates/" + id, "admin", "admin", """
				{"displayName":"Exam 2","image":"%s","cpus":1}
				""".formatted(LABELLED));
		assertThat(replaced.status()).as(String.valueOf(replaced.body())).isEqualTo(200);
		assertThat(this.catalog.require(id).displayName()).isEqualTo("Exam 2");
		assertThat(this.catalog.require(id).internetEgress()).isTrue();

		assertThat(this.api.delete("/api/templates/" + id, "admin", "admin").status()).isEqualTo(204);
		assertThat(this.catalog.find(id)).isEmpty();
		assertThat(this.api.delete("/api/templates/" + id, "admin", "admin").status()).isEqualTo(404);
	}

	@Test
	void imagesThatAreAbsentOrNotRuntimeImagesAreRefused() {
		Api.Response absent = this.api.post("/api/templates", "admin", "admin", """
				{"id":"sch%sb","displayName":"Nope","image":"sch-absent-%s:none"}
				""".formatted(RUN, RUN));
		assertThat(absent.status()).isEqualTo(400);
		assertThat(absent.text("code")).isEqualTo("unknown-image");
		Api.Response unlabelled = this.api.post("/api/templates", "admin", "admin", """
				{"id":"sch%sc","displayName":"Redis","image":"caas-local/redis:7.0"}
				""".formatted(RUN));
		assertThat(unlabelled.status()).isEqualTo(400);
		assertThat(unlabelled.text("code")).isEqualTo("not-a-runtime-image");
		assertThat(this.catalog.find("sch" + RUN + "c")).isEmpty();
	}

	@Test
	void templateUsedByAClassCannotBeDeletedAndAClassCanUseANewOne() {
		String id = "sch" + RUN + "d";
		assertThat(this.api.post("/api/templates", "admin", "admin", """
				{"id":"%s","displayName":"Used","image":"%s"}
				""".formatted(id, LABELLED)).status()).isEqualTo(201);
		Api.Response room = this.api.post("/api/classes", "teacher1", "teacher", """
				{"classId":"sch%sd","name":"Uses it","subject":"cs","templateId":"%s","students":[]}
				""".formatted(RUN, id));
		assertThat(room.status()).as(String.valueOf(room.body())).isEqualTo(201);
		Api.Response refused = this.api.delete("/api/templates/" + id, "admin", "admin");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("template-in-use");
		assertThat(this.catalog.find(id)).isPresent();
		assertThat(this.api.delete("/api/templates/" + id, "teacher1", "teacher").status()).isEqualTo(403);
		assertThat(Map.of("status", this.api.get("/api/templates", "teacher1", "teacher").status()))
			.containsEntry("status", 200);
	}

}
