package io.caas.classes.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncompleteAttemptsTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	private final IncompleteAttempts incomplete = new IncompleteAttempts(this.store);

	@Test
	void startedBeforeListsOnlyOldAttemptsWithoutManifestAndDeletesNothing() {
		String cutOffMonday = partialAttempt(MONDAY, "a.txt", "alpha");
		partialAttempt(MONDAY.plus(Duration.ofDays(2)), "b.txt", "beta");
		collect(this.runtime.run("c", Map.of()).file("a.txt", "alpha"), MONDAY.plus(Duration.ofHours(1)));

		assertThat(this.incomplete.startedBefore("cs101", MONDAY.plus(Duration.ofDays(1))))
			.containsExactly(new IncompleteAttempts.Incomplete(SESSION, "s1", cutOffMonday, MONDAY, 1, 5));
		assertThat(this.store.deleted).isEmpty();
	}

	@Test
	void attemptTimeIsWhenTheAttemptStarted() {
		String id = WorkspaceKeys.newAttemptId(Clock.fixed(MONDAY, ZoneOffset.UTC), new java.util.Random(1));

		assertThat(WorkspaceKeys.attemptTime(id)).isEqualTo(MONDAY);
		assertThatThrownBy(() -> WorkspaceKeys.attemptTime("../x")).isInstanceOf(IllegalArgumentException.class);
	}

	/** What a collection cut off after one upload leaves: a file and no manifest. */
	private String partialAttempt(Instant at, String path, String content) {
		String attempt = WorkspaceKeys.newAttemptId(Clock.fixed(at, ZoneOffset.UTC), new java.util.Random(7));
		byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		this.store.put(WorkspaceKeys.attempt("cs101", SESSION, "s1", attempt) + "files/" + path,
				new java.io.ByteArrayInputStream(bytes), bytes.length, null);
		return attempt;
	}

	private Manifest collect(FakeContainerRuntime.Fake c, Instant at) {
		return new WorkspaceCollector(this.runtime, this.store, Clock.fixed(at, ZoneOffset.UTC))
			.collect(new WorkspaceCollector.Target("cs101", SESSION, "s1", c.id, Fixtures.codeserver()));
	}

}
