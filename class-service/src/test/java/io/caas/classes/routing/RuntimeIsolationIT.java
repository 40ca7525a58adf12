package io.caas.classes.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caas.classes.operation.Operation;
import io.caas.classes.operation.StudentStep;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.Fixtures;
import io.caas.classes.template.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One network per student: from inside a runtime a classmate's IDE, the cloud metadata
 * address and the engine's own networks are out of reach, while Traefik reaches every
 * runtime; a template without egress reaches nothing beyond its network, not even a port
 * published on the host. Every student the orchestration calls READY answers through the
 * edge at once.
 */
@ExtendWith(DumpLogsOnFailure.class)
class RuntimeIsolationIT implements DumpLogsOnFailure.OwnsContainers {

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final String CLASS_ID = "orciso" + RUN;

	private static final String EXAM_ID = "orcexam" + RUN;

	private static final String SESSION = "20261126t070000z-orc2";

	private static final List<String> STUDENTS = List.of("s1", "s2", "s3");

	private static final TestStack stack = new TestStack("orc" + RUN);

	private static DockerTestSupport docker;

	private static Operation opened;

	@BeforeAll
	static void openClassAndExam() {
		docker = new DockerTestSupport();
		stack.start();
		opened = stack.up(CLASS_ID, SESSION, Fixtures.codeserver(), STUDENTS);
		Template t = Fixtures.codeserver();
		Template exam = new Template("exam", "exam", t.image(), t.port(), t.workspacePath(), t.user(), t.memory(),
				t.cpus(), t.pidsLimit(), false);
		assertThat(stack.up(EXAM_ID, SESSION, exam, List.of("s1")).students())
			.allMatch(s -> s.state() == StudentStep.READY);
	}

	@AfterAll
	static void tearDown() throws Exception {
		try {
			stack.stop();
		}
		finally {
			docker.sweep(Labels.classSelector(CLASS_ID));
			docker.sweep(Labels.classSelector(EXAM_ID));
			docker.close();
		}
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Labels.managedSelector();
	}

	@Test
	void everyStudentCalledReadyAnswersThroughTheEdgeAtOnce() {
		assertThat(opened.students()).extracting(Operation.StudentProgress::state)
			.containsOnly(StudentStep.READY)
			.hasSize(STUDENTS.size());
		for (String student : STUDENTS) {
			assertThat(stack.get(CLASS_ID, student, "/healthz")).startsWith("HTTP/1.1 200").contains("lastHeartbeat");
		}
	}

	@Test
	void fromInsideARuntimeAClassmatesIdeIsUnreachable() throws Exception {
		String s1 = container(CLASS_ID, "s1");
		String s2 = container(CLASS_ID, "s2");
		String s2Address = address(s2);

		assertThatThrownBy(
				() -> docker.exec(s1, "1000", "curl -sS -m 3 -o /dev/null http://" + s2Address + ":8080/healthz"))
			.hasMessageContaining("exited");
		assertThatThrownBy(() -> docker.exec(s1, "1000",
				"getent hosts " + Names.container(stack.installation.id(), CLASS_ID, "s2")))
			.hasMessageContaining("exited");
		assertThat(
				docker.exec(s2, "1000", "curl -sS -m 3 -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/healthz"))
			.isEqualTo("200");
		assertThat(stack.get(CLASS_ID, "s1", "/healthz")).startsWith("HTTP/1.1 200");
		assertThat(stack.get(CLASS_ID, "s2", "/healthz")).startsWith("HTTP/1.1 200");
	}

	@Test
	void fromInsideARuntimeTheMetadataAddressAndTheEnginesNetworksAreUnreachable() {
		String s1 = container(CLASS_ID, "s1");
		assertThatThrownBy(() -> docker.exec(s1, "1000", "curl -sS -m 3 -o /dev/null http://169.254.169.254/"))
			.hasMessageContaining("exited");
		String traefikOnOtherNet = gateway(container(CLASS_ID, "s2"));
		// the gateway of a classmate's network is the host side of another bridge
		assertThatThrownBy(
				() -> docker.exec(s1, "1000", "curl -sS -m 3 -o /dev/null http://" + traefikOnOtherNet + ":8080/"))
			.hasMessageContaining("exited");
	}

	@Test
	void withoutEgressARuntimeReachesNothingOutsideButTraefikStillReachesIt() throws Exception {
		String exam = container(EXAM_ID, "s1");
		String open = container(CLASS_ID, "s1");
		// a port published on the host, seen from each runtime through its network's
		// gateway
		String published = ":" + stack.traefik.getMappedPort(80) + "/ping";

		assertThat(docker.exec(open, "1000",
				"curl -sS -m 3 -o /dev/null -w '%{http_code}' http://" + gateway(open) + published))
			.isEqualTo("200");
		assertThatThrownBy(
				() -> docker.exec(exam, "1000", "curl -sS -m 3 -o /dev/null http://" + gateway(exam) + published))
			.hasMessageContaining("exited");
		assertThat(stack.get(EXAM_ID, "s1", "/healthz")).startsWith("HTTP/1.1 200");
	}

	private static String container(String classId, String student) {
		return docker.containers(Labels.studentSelector(classId, student)).getFirst().getId();
	}

	private static String gateway(String containerId) {
		return docker.docker.inspectContainerCmd(containerId)
			.exec()
			.getNetworkSettings()
			.getNetworks()
			.values()
			.iterator()
			.next()
			.getGateway();
	}

	private static String address(String containerId) {
		return docker.docker.inspectContainerCmd(containerId)
			.exec()
			.getNetworkSettings()
			.getNetworks()
			.values()
			.iterator()
			.next()
			.getIpAddress();
	}

}
