package io.caas.classes.template;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RealDocker;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.session.StudentSpecs;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.Fixtures;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editor settings written into real code-server runtimes, read back from inside the
 * container as the student user.
 */
@ExtendWith(DumpLogsOnFailure.class)
class EditorSettingsIT implements DumpLogsOnFailure.OwnsContainers {

	private static final String SETTINGS = EditorSettings.MACHINE_DIR + "/settings.json";

	private static DockerTestSupport docker;

	private final String classId = "sch3ed" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final String session = "20261126t130000z-sch3";

	private final ContainerRuntime runtime = RealDocker.runtime();

	private final StudentSpecs specs = new StudentSpecs(Fixtures.urls(), Fixtures.installation());

	private final EditorSettingsInstaller installer = new EditorSettingsInstaller(this.runtime,
			TemplateCatalog.of(List.of(Fixtures.codeserver())), "caas.runtime");

	@BeforeAll
	static void engine() {
		docker = new DockerTestSupport();
	}

	@AfterAll
	static void closeEngine() throws Exception {
		docker.close();
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Labels.classSelector(this.classId);
	}

	@AfterEach
	void sweep() {
		docker.sweep(ownedLabels());
	}

	@Test
	void runtimeOfATemplateAllowingAiChatWithoutAutoSaveGetsThoseSettings() throws Exception {
		EditorDefaults editor = new EditorDefaults(false, true, false);

		String id = provision("s1", this.installer.prepare(editor));

		Map<String, Object> written = read(id);
		assertThat(written).isEqualTo(EditorSettings.of(editor));
		assertThat(written).containsEntry("files.autoSave", "off").doesNotContainKey("chat.disableAIFeatures");
		assertThat(docker.exec(id, "1000", "stat -c '%u:%g %a' " + SETTINGS).trim()).isEqualTo("1000:1000 644");
		// code-server boots with the written file
		assertThat(docker.exec(id, "1000",
				"for i in $(seq 1 60); do curl -sf -o /dev/null http://127.0.0.1:8080/healthz && echo up && exit 0; "
						+ "sleep 0.5; done; exit 1")
			.trim()).isEqualTo("up");
	}

	@Test
	void runtimeOfAClassroomTemplateGetsTheClassroomDefaultsThroughTheImageLabel() throws Exception {
		EditorSettingsInstaller.Settings settings = this.installer.prepare(Fixtures.codeserver());

		String id = provision("s2", settings);

		assertThat(settings.editor()).isEqualTo(EditorDefaults.CLASSROOM);
		assertThat(settings.inImage()).as("the runtime image bakes these in: nothing is copied").isTrue();
		assertThat(Long.parseLong(docker.exec(id, "1000", "stat -c %Y " + SETTINGS).trim()))
			.as("the runtime's file is the image's own (a copy would carry the time it was written)")
			.isEqualTo(imageFileMtime(Fixtures.codeserver().image(), SETTINGS));
		assertThat(docker.containers(Map.of("caas.image-reader", "true"))).as("the image reader is removed").isEmpty();
		assertThat(read(id)).isEqualTo(EditorSettings.of(EditorDefaults.CLASSROOM))
			.containsEntry("chat.disableAIFeatures", true)
			.containsEntry("files.autoSave", "afterDelay");
	}

	private String provision(String student, EditorSettingsInstaller.Settings settings) {
		this.runtime.ensureNetwork(this.specs.network(this.classId, student, Fixtures.codeserver()));
		RuntimeContainer container = this.runtime
			.createAndStart(this.specs.container(this.classId, student, this.session, Fixtures.codeserver()));
		this.installer.install(settings, container.id(), true);
		this.runtime.awaitHealthy(container.id(), Duration.ofSeconds(60));
		return container.id();
	}

	/** The file's modification time in the image, read from a container never started. */
	private long imageFileMtime(String image, String path) throws IOException {
		String id = docker.docker.createContainerCmd(image).withLabels(ownedLabels()).exec().getId();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				docker.docker.copyArchiveFromContainerCmd(id, path).exec())) {
			return tar.getNextEntry().getModTime().getTime() / 1000;
		}
		finally {
			docker.docker.removeContainerCmd(id).withForce(true).exec();
		}
	}

	private static Map<String, Object> read(String id) throws InterruptedException {
		return JsonMapper.builder()
			.build()
			.readValue(docker.exec(id, "1000", "cat " + SETTINGS), new TypeReference<LinkedHashMap<String, Object>>() {
			});
	}

}
