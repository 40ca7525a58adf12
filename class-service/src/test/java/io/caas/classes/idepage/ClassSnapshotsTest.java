package io.caas.classes.idepage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.preview.PortShares;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.runtime.RuntimeContainer.State;
import io.caas.classes.support.FakeContainerRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ClassSnapshotsTest {

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final CountingRuntime runtime = new CountingRuntime();

	private final IdleWake wake = mock(IdleWake.class);

	private final IdePages pages = new IdePages(this.classes, this.runtime, this.wake, mock(PortShares.class),
			Duration.ofMinutes(1));

	@Test
	void theStartingPagesOfAWholeClassReadTheStoreAndTheEngineOnce() {
		room(ClassState.OPEN, List.of("s1", "s2", "s3"));
		for (String s : List.of("s1", "s2", "s3")) {
			this.runtime.run("caas-cs101-" + s,
					Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", s));
		}

		for (int round = 0; round < 5; round++) {
			for (String s : List.of("s1", "s2", "s3")) {
				assertThat(this.pages.of("cs101", s, true).title()).isEqualTo("Your IDE is starting");
			}
		}

		verify(this.classes, times(1)).findById("cs101");
		assertThat(this.runtime.lists.get()).isEqualTo(1);
	}

	@Test
	void aPageThatWouldWakeARuntimeLooksAgainFirst() {
		room(ClassState.OPEN, List.of("s1"));
		FakeContainerRuntime.Fake running = this.runtime.run("caas-cs101-s1",
				Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1"));
		assertThat(this.pages.of("cs101", "s1", true).title()).isEqualTo("Your IDE is starting");

		running.state = State.EXITED;
		given(this.wake.wakeIfIdle(any(), eq("s1"), any())).willReturn(Optional.of(IdePage.starting("s1")));

		// the recent snapshot still says "booting"; only a request that could wake reads
		// afresh
		assertThat(this.pages.of("cs101", "s1", false).title()).isEqualTo("Your IDE is starting");
		verify(this.wake, times(0)).wakeIfIdle(any(), any(), any());
		this.pages.of("cs101", "s1", true);
		assertThat(this.runtime.lists.get()).isEqualTo(1);

		room(ClassState.OPEN, List.of("s1"));
		IdePages fresh = new IdePages(this.classes, this.runtime, this.wake, mock(PortShares.class),
				Duration.ofMinutes(1));
		assertThat(fresh.of("cs101", "s1", false).title()).isEqualTo("This IDE is not running");
		assertThat(fresh.of("cs101", "s1", true).title()).isEqualTo("Your IDE is starting");
		verify(this.wake, times(1)).wakeIfIdle(any(), eq("s1"), any());
		assertThat(this.runtime.lists.get()).as("the waking request listed again").isEqualTo(3);
	}

	@Test
	void anUnknownClassIsRememberedToo() {
		given(this.classes.findById(any())).willReturn(Optional.empty());

		for (int i = 0; i < 10; i++) {
			assertThat(this.pages.of("nope", "s" + i, true).status()).isEqualTo(404);
		}

		verify(this.classes, times(1)).findById("nope");
		assertThat(this.runtime.lists.get()).isZero();
	}

	private void room(ClassState state, List<String> students) {
		given(this.classes.findById(any())).willReturn(Optional.empty());
		given(this.classes.findById("cs101")).willReturn(Optional.of(new ClassRoom("cs101", "Intro", "CS", "codeserver",
				"teacher1", students, state, "sess", "op", Instant.EPOCH, 1L)));
	}

	private static final class CountingRuntime extends FakeContainerRuntime {

		final AtomicInteger lists = new AtomicInteger();

		@Override
		public List<RuntimeContainer> list(Map<String, String> labels) {
			this.lists.incrementAndGet();
			return super.list(labels);
		}

	}

}
