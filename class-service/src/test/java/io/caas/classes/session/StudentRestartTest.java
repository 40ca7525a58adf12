package io.caas.classes.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class StudentRestartTest {

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final ClassAccess access = mock(ClassAccess.class);

	private final RLock lock = mock(RLock.class);

	private final Identity teacher = new Identity("teacher1", java.util.Set.of(Role.TEACHER));

	private StudentRestart restart() throws Exception {
		RedissonClient redisson = mock(RedissonClient.class);
		given(redisson.getLock(any(String.class))).willReturn(this.lock);
		given(this.lock.tryLock(anyLong(), any(TimeUnit.class))).willReturn(true);
		return new StudentRestart(this.access, new ClassLocks(redisson, new io.caas.classes.claim.ClassClaim(redisson)),
				this.runtime);
	}

	@Test
	void restartOfAnOpenClassesStudentRestartsOnlyTheirRuntime() throws Exception {
		room(ClassState.OPEN);
		FakeContainerRuntime.Fake s1 = this.runtime.run("caas-cs101-s1", labels("s1"));
		this.runtime.run("caas-cs101-s2", labels("s2"));

		restart().restart(this.teacher, "cs101", "s1");

		assertThat(this.runtime.events).containsExactly("start caas-cs101-s1", "restart caas-cs101-s1");
		assertThat(s1.state).isEqualTo(io.caas.classes.runtime.RuntimeContainer.State.RUNNING);
		verify(this.lock).unlock();
	}

	@Test
	void restartWhileTheClassTransitionsThenConflict() throws Exception {
		room(ClassState.CLOSING);
		this.runtime.run("caas-cs101-s1", labels("s1"));

		assertThatThrownBy(() -> restart().restart(this.teacher, "cs101", "s1")).isInstanceOf(CaasException.class)
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("class-busy"));
		assertThat(this.runtime.events).isEmpty();
	}

	@Test
	void restartWhenAnotherChangeHoldsTheClassThenConflict() throws Exception {
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1", labels("s1"));
		StudentRestart restart = restart();
		given(this.lock.tryLock(anyLong(), any(TimeUnit.class))).willReturn(false);

		assertThatThrownBy(() -> restart.restart(this.teacher, "cs101", "s1"))
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("class-busy"));
	}

	@Test
	void restartOfAClosedClassOrAStudentWithoutRuntimeIsRefused() throws Exception {
		room(ClassState.CLOSED);
		assertThatThrownBy(() -> restart().restart(this.teacher, "cs101", "s1"))
			.satisfies(ex -> assertThat(((CaasException) ex).code()).isEqualTo("class-not-open"));
		room(ClassState.OPEN);
		assertThatThrownBy(() -> restart().restart(this.teacher, "cs101", "s9"))
			.satisfies(ex -> assertThat(((CaasException) ex).status().value()).isEqualTo(404));
	}

	private void room(ClassState state) {
		given(this.access.manageable(any(), any())).willReturn(new ClassRoom("cs101", "Intro", "CS", "codeserver",
				"teacher1", List.of("s1", "s2"), state, "sess", "op", Instant.EPOCH, 1L));
	}

	private static Map<String, String> labels(String student) {
		return Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", student);
	}

}
