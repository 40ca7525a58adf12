package io.caas.classes.idepage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.capacity.CapacityProperties;
import io.caas.classes.capacity.HostCapacity;
import io.caas.classes.idle.IdleProperties;
import io.caas.classes.idle.IdleStops;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.session.ClassLocks;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class IdleWakeTest {

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final IdleStops stops = mock(IdleStops.class);

	private final RLock lock = mock(RLock.class);

	private final ClassRoom room = new ClassRoom("cs101", "Intro", "CS", "codeserver", "teacher1", List.of("s1"),
			ClassState.OPEN, "sess", "op", Instant.EPOCH, 1L);

	@Test
	void aRuntimeStoppedForIdlenessIsStartedOnceAndTheStartingPageShown() {
		RuntimeContainer stopped = idleRuntime();
		IdleWake wake = wake(64);

		Optional<IdePage> first = wake.wakeIfIdle(this.room, "s1", List.of(stopped));
		Optional<IdePage> second = wake.wakeIfIdle(this.room, "s1", List.of(stopped));

		assertThat(first).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Your IDE is starting"));
		assertThat(second).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Your IDE is starting"));
		assertThat(this.runtime.events).containsOnlyOnce("start caas-cs101-s1");
		verify(this.stops).clear(stopped.id());
		verify(this.lock).unlock();
	}

	@Test
	void withoutRoomOnTheHostTheRuntimeStaysStoppedAndThePageSaysSo() {
		RuntimeContainer stopped = idleRuntime();

		Optional<IdePage> page = wake(2).wakeIfIdle(this.room, "s1", List.of(stopped));

		assertThat(page).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("The server is full right now"));
		assertThat(this.runtime.events).doesNotContain("start caas-cs101-s1");
		verify(this.stops, never()).clear(any());
	}

	@Test
	void aBusyAdmissionShowsTheStartingPageAndTheNextRequestTriesAgain() {
		RuntimeContainer stopped = idleRuntime();
		HostCapacity capacity = mock(HostCapacity.class);
		willThrow(new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "capacity-busy", "busy")).willAnswer(call -> {
			call.<Runnable>getArgument(3).run();
			return null;
		}).given(capacity).startIfRoom(any(), anyInt(), anyString(), any());
		IdleWake wake = wake(64, capacity);

		Optional<IdePage> first = wake.wakeIfIdle(this.room, "s1", List.of(stopped));
		Optional<IdePage> second = wake.wakeIfIdle(this.room, "s1", List.of(stopped));

		assertThat(first).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Your IDE is starting"));
		assertThat(second).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Your IDE is starting"));
		assertThat(this.runtime.events).containsOnlyOnce("start caas-cs101-s1");
	}

	@Test
	void aRuntimeStoppedForAnotherReasonIsNotWoken() {
		FakeContainerRuntime.Fake fake = this.runtime.run("caas-cs101-s1", labels());
		fake.state = RuntimeContainer.State.EXITED;
		this.runtime.events.clear();

		assertThat(wake(64).wakeIfIdle(this.room, "s1", List.of(fake.view()))).isEmpty();
		assertThat(this.runtime.events).isEmpty();
	}

	private RuntimeContainer idleRuntime() {
		FakeContainerRuntime.Fake fake = this.runtime.run("caas-cs101-s1", labels());
		fake.state = RuntimeContainer.State.EXITED;
		this.runtime.events.clear();
		RuntimeContainer view = fake.view();
		given(this.stops.isIdleStopped(any()))
			.willAnswer(inv -> inv.getArgument(0, RuntimeContainer.class).id().equals(view.id())
					&& inv.getArgument(0, RuntimeContainer.class).state() == RuntimeContainer.State.EXITED);
		return view;
	}

	/** A host of {@code gib} GiB with a 2 GiB reserve; the template needs 1 GiB. */
	private IdleWake wake(long gib) {
		return wake(gib,
				new HostCapacity(this.runtime,
						new CapacityProperties(DataSize.ofGigabytes(2), DataSize.ofBytes(0), null),
						new io.caas.classes.support.LocalCapacityLedger(), Fixtures.installation()));
	}

	private IdleWake wake(long gib, HostCapacity capacity) {
		RedissonClient redisson = mock(RedissonClient.class);
		given(redisson.getLock(any(String.class))).willReturn(this.lock);
		given(this.lock.tryLock()).willReturn(true);
		this.runtime.hostMemory = gib << 30;
		TemplateCatalog templates = TemplateCatalog.of(List.of(Fixtures.codeserver()));
		return new IdleWake(this.runtime, this.stops,
				new ClassLocks(redisson, new io.caas.classes.claim.ClassClaim(redisson)), capacity, templates,
				new IdleProperties(Duration.ofSeconds(60), Duration.ofSeconds(10)),
				Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
	}

	private static Map<String, String> labels() {
		return Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1", "caas.template",
				"codeserver");
	}

}
