package io.caas.classes.workspace;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.caas.classes.support.InMemoryObjectStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptRetentionTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	@Test
	void applyWhenKeepingAllThenDeletesNothing() {
		stored("20261126T070000000Z-aaaaaa", true);
		Manifest written = stored("20261126T080000000Z-bbbbbb", true);

		assertThat(retention(0).apply(written)).isEmpty();
		assertThat(this.store.deleted).isEmpty();
	}

	@Test
	void applyWhenKeepingTwoThenDeletesOlderCompleteAttemptsOnly() {
		stored("20261126T060000000Z-aaaaaa", true);
		stored("20261126T063000000Z-cccccc", false);
		stored("20261126T070000000Z-dddddd", true);
		Manifest written = stored("20261126T080000000Z-bbbbbb", true);

		assertThat(retention(2).apply(written)).containsExactly("20261126T060000000Z-aaaaaa");
		assertThat(new StoredAttempts(this.store).complete("cs101", SESSION, "s1")).extracting(Manifest::attemptId)
			.containsExactly("20261126T080000000Z-bbbbbb", "20261126T070000000Z-dddddd");
	}

	@Test
	void applyWhenKeepingOneThenTheWrittenAttemptStays() {
		stored("20261126T070000000Z-dddddd", true);
		Manifest written = stored("20261126T080000000Z-bbbbbb", true);

		retention(1).apply(written);

		assertThat(new StoredAttempts(this.store).latest("cs101", SESSION, "s1")).hasValue(written);
		assertThat(this.store.keys("cs101/" + SESSION + "/s1/20261126T080000000Z-bbbbbb/")).hasSize(2);
	}

	private AttemptRetention retention(int keep) {
		CollectionProperties d = CollectionProperties.defaults();
		return new AttemptRetention(this.store,
				new CollectionProperties(d.stopGrace(), keep, d.retryInterval(), d.retryBackoff(), d.retryAttempts()));
	}

	private Manifest stored(String attemptId, boolean complete) {
		String prefix = WorkspaceKeys.attempt("cs101", SESSION, "s1", attemptId);
		this.store.put(prefix + "files/a.txt", new ByteArrayInputStream(new byte[] { 1 }), 1, null);
		Manifest manifest = new Manifest("cs101", SESSION, "s1", attemptId,
				Instant.parse("2026-11-26T08:00:00Z").minus(Duration.ofMinutes(1)), "img", "codeserver", 1, 1,
				List.of(new Manifest.FileEntry("a.txt", 1, "x", 0644, Instant.EPOCH)), List.of());
		if (complete) {
			byte[] json = WorkspaceCollector.JSON.writeValueAsBytes(manifest);
			this.store.put(prefix + WorkspaceKeys.MANIFEST, new ByteArrayInputStream(json), json.length, null);
		}
		return manifest;
	}

}
