package io.caas.classes.session;

import io.caas.classes.lifecycle.ClassState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ContainerRuntimeException;
import io.caas.classes.runtime.ResourceUse;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class AdminOverviewTest {

	private static final Identity ADMIN = new Identity("admin", Set.of(Role.ADMIN));

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final StatusService status = mock(StatusService.class);

	private final ContainerRuntime runtime = mock(ContainerRuntime.class);

	private final AdminOverview overview = new AdminOverview(this.classes, this.status, this.runtime);

	@AfterEach
	void stop() {
		this.overview.destroy();
	}

	@Test
	void teacherIsRefusedAndNothingIsRead() {
		assertThatThrownBy(() -> this.overview.of(new Identity("teacher1", Set.of(Role.TEACHER))))
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		verify(this.runtime, never()).list(any());
	}

	@Test
	void openClassesWithEachStudentsStateAndUsageClosedOnesLeftOut() {
		given(this.classes.findAll())
			.willReturn(List.of(room("sch1", ClassState.OPEN), room("sch2", ClassState.CLOSED)));
		given(this.runtime.list(Labels.classSelector("sch1"))).willReturn(List.of(running("c-a", "sch1", "a"),
				running("c-b", "sch1", "b"), new RuntimeContainer("c-c", "c", Map.of(Labels.STUDENT, "c"),
						RuntimeContainer.State.EXITED, RuntimeContainer.Health.NONE, 137)));
		given(this.runtime.stats("c-a")).willReturn(Optional.of(new ResourceUse(12.5, 100L << 20, 1L << 30)));
		given(this.runtime.stats("c-b")).willThrow(new ContainerRuntimeException("engine hiccup"));
		given(this.status.of(ADMIN, "sch1")).willReturn(new ClassStatus("sch1", ClassState.OPEN, "s1", "op1",
				List.of(student("a", ClassStatus.IdeState.READY, null), student("b", ClassStatus.IdeState.READY, null),
						student("c", ClassStatus.IdeState.FAILED, "exited with code 137"))));

		AdminOverview.Overview result = this.overview.of(ADMIN);

		assertThat(result.classes()).singleElement().satisfies(c -> {
			assertThat(c.classId()).isEqualTo("sch1");
			assertThat(c.state()).isEqualTo("OPEN");
			assertThat(c.students()).isEqualTo(3);
			assertThat(c.ready()).isEqualTo(2);
			assertThat(c.cpuPercent()).isEqualTo(12.5);
			assertThat(c.memoryBytes()).isEqualTo(100L << 20);
			assertThat(c.perStudent()).extracting(AdminOverview.StudentUse::studentId).containsExactly("a", "b", "c");
			assertThat(c.perStudent().get(0).memoryLimitBytes()).isEqualTo(1L << 30);
			assertThat(c.perStudent().get(1).cpuPercent()).as("a failed reading leaves usage empty").isNull();
			assertThat(c.perStudent().get(2).reason()).isEqualTo("exited with code 137");
			assertThat(c.perStudent().get(2).memoryBytes()).as("no reading of a stopped runtime").isNull();
		});
		verify(this.runtime, never()).stats("c-c");
		verify(this.status, never()).of(ADMIN, "sch2");
	}

	private static ClassRoom room(String id, ClassState state) {
		return new ClassRoom(id, "Class " + id, "cs", "codeserver", "teacher1", List.of("a", "b", "c"), state, "s1",
				"op1", null, 1L);
	}

	private static RuntimeContainer running(String id, String classId, String student) {
		return new RuntimeContainer(id, id, Map.of(Labels.CLASS, classId, Labels.STUDENT, student),
				RuntimeContainer.State.RUNNING, RuntimeContainer.Health.NONE, null);
	}

	private static ClassStatus.StudentStatus student(String id, ClassStatus.IdeState state, String reason) {
		return new ClassStatus.StudentStatus(id, "http://" + id, state, reason);
	}

}
