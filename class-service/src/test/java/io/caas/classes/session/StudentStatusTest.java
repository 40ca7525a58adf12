package io.caas.classes.session;

import java.util.Map;

import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.runtime.RuntimeContainer.Health;
import io.caas.classes.runtime.RuntimeContainer.State;
import io.caas.classes.session.ClassStatus.IdeState;
import io.caas.classes.session.ClassStatus.StudentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StudentStatusTest {

	@ParameterizedTest(name = "{0}/{1} -> {3}")
	@CsvSource(nullValues = "null",
			value = { "RUNNING, HEALTHY, null, READY, null", "RUNNING, STARTING, null, STARTING, null",
					"RUNNING, UNHEALTHY, null, FAILED, healthcheck failing", "CREATED, NONE, null, STARTING, null",
					"EXITED, NONE, 137, FAILED, exited with code 137", "DEAD, NONE, null, FAILED, exited",
					"REMOVING, NONE, null, ABSENT, being removed", "PAUSED, NONE, null, FAILED, container is paused" })
	void ideStateComesFromTheContainer(State state, Health health, Integer exit, IdeState expected, String reason) {
		RuntimeContainer c = new RuntimeContainer("id", "caas-cs101-s1", Map.of(), state, health, exit);
		StudentStatus status = StudentStatus.observe("s1", "http://x", c);
		assertThat(status.state()).isEqualTo(expected);
		assertThat(status.reason()).isEqualTo(reason);
	}

	@org.junit.jupiter.api.Test
	void ideStateWithoutContainerIsAbsent() {
		assertThat(StudentStatus.observe("s1", "http://x", null).state()).isEqualTo(IdeState.ABSENT);
	}

}
