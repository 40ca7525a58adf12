package io.caas.classes.runtime;

import io.caas.classes.runtime.RuntimeContainer.Health;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineStatusTest {

	@Test
	void listStatusTellsHealth() {
		assertThat(EngineStatus.health("Up 3 seconds (healthy)")).isEqualTo(Health.HEALTHY);
		assertThat(EngineStatus.health("Up 1 second (health: starting)")).isEqualTo(Health.STARTING);
		assertThat(EngineStatus.health("Up 2 minutes (unhealthy)")).isEqualTo(Health.UNHEALTHY);
		assertThat(EngineStatus.health("Up 2 minutes")).isEqualTo(Health.NONE);
		assertThat(EngineStatus.health(null)).isEqualTo(Health.NONE);
	}

	@Test
	void listStatusTellsExitCode() {
		assertThat(EngineStatus.exitCode("Exited (137) 5 seconds ago")).isEqualTo(137);
		assertThat(EngineStatus.exitCode("Up 5 seconds")).isNull();
		assertThat(EngineStatus.exitCode("Exited (x")).isNull();
	}

}
