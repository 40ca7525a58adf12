package io.caas.classes.preview;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer.State;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Which shares Traefik gets a route for: only a shared port of an OPEN class, of a
 * student on its roster, whose runtime runs, and never the template's IDE port.
 */
class PreviewRoutesControllerTest {

	private final PortShareRepository shares = mock(PortShareRepository.class);

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	@Test
	void onlyRunningRuntimesOfEnrolledStudentsInOpenClassesAreRouted() {
		room("open", ClassState.OPEN, "s1", "s2", "s3");
		room("opening", ClassState.OPENING, "s1");
		running("open", "s1");
		running("open", "s3").state = State.EXITED;
		running("opening", "s1");
		running("open", "left");
		given(this.shares.findAll()).willReturn(List.of(share("open", "s1", 3000), share("open", "s2", 3000),
				share("open", "s3", 3000), share("opening", "s1", 3000), share("open", "left", 3000),
				share("open", "s1", 8080), share("gone", "s1", 3000)));

		JsonNode routers = routers(controller(this.runtime));

		assertThat(names(routers)).containsExactly("caas-open-s1-p3000");
	}

	@Test
	void whenTheEngineCannotBeReadNothingIsRouted() {
		room("open", ClassState.OPEN, "s1");
		given(this.shares.findAll()).willReturn(List.of(share("open", "s1", 3000)));
		ContainerRuntime broken = mock(ContainerRuntime.class);
		given(broken.list(any())).willThrow(new IllegalStateException("engine unreachable"));

		assertThat(controller(broken).routes()).isEmpty();
	}

	private PreviewRoutesController controller(ContainerRuntime engine) {
		return new PreviewRoutesController(this.shares, this.classes, engine,
				TemplateCatalog.of(List.of(Fixtures.codeserver())), Fixtures.routing(), Fixtures.installation());
	}

	private FakeContainerRuntime.Fake running(String classId, String studentId) {
		return this.runtime.run("caas-" + classId + "-" + studentId,
				Map.of("caas.managed", "true", "caas.class", classId, "caas.student", studentId));
	}

	private void room(String id, ClassState state, String... students) {
		given(this.classes.findById(id)).willReturn(Optional.of(new ClassRoom(id, id, "cs", "codeserver", "teacher1",
				List.of(students), state, "sess", "op", Instant.EPOCH, 1L)));
	}

	private static PortShare share(String classId, String studentId, int port) {
		return PortShare.of(classId, studentId, port, studentId, Instant.EPOCH);
	}

	private static JsonNode routers(PreviewRoutesController controller) {
		return JsonMapper.builder().build().valueToTree(controller.routes()).path("http").path("routers");
	}

	private static List<String> names(JsonNode routers) {
		return routers.propertyNames().stream().toList();
	}

}
