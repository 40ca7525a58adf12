package io.caas.classes.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceRestorerTest {

	private static final String OLD_SESSION = "20261101t090000z-aaaa";

	private static final String NEW_SESSION = "20261108t090000z-bbbb";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	private final WorkspaceCollector collector = new WorkspaceCollector(this.runtime, this.store, Clock.systemUTC());

	private final WorkspaceRestorer restorer = new WorkspaceRestorer(this.runtime, new StoredAttempts(this.store),
			this.store);

	@Test
	void restoreLatestWritesEveryFileOfTheNewestSessionsAttemptWithItsBytesAndMode() {
		byte[] big = new byte[VerifiedUpload.SINGLE_PART_MAX + 99];
		new Random(5).nextBytes(big);
		collect(OLD_SESSION, this.runtime.run("old", Map.of()).file("week1.txt", "one"));
		FakeContainerRuntime.Fake week2 = this.runtime.run("week2", Map.of())
			.file("src/Main.java", "class Main {}")
			.bytes("data/big.bin", big);
		week2.symlinks.put("link", "src/Main.java");
		Manifest latest = collect(NEW_SESSION, week2);
		FakeContainerRuntime.Fake fresh = this.runtime.run("fresh", Map.of());

		assertThat(this.restorer.restoreLatest("cs101", "s1", fresh.id, Fixtures.codeserver())).hasValue(latest);

		assertThat(fresh.files).containsOnlyKeys("src/Main.java", "data/big.bin");
		assertThat(fresh.files.get("data/big.bin")).isEqualTo(big);
		assertThat(new String(fresh.files.get("src/Main.java"), StandardCharsets.UTF_8)).isEqualTo("class Main {}");
		assertThat(fresh.modes).containsEntry("src/Main.java", 0644);
		assertThat(fresh.symlinks).containsEntry("link", "src/Main.java");
	}

	@Test
	void restoreLatestWhenNothingWasCollectedYetThenLeavesTheWorkspaceAlone() {
		FakeContainerRuntime.Fake fresh = this.runtime.run("fresh", Map.of());

		assertThat(this.restorer.restoreLatest("cs101", "s1", fresh.id, Fixtures.codeserver())).isEmpty();

		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("copyIn"));
		// a new installation's bucket is made rather than failing every student
		assertThat(this.store.bucketCreated).isTrue();
	}

	@Test
	void restoreWhenAStoredFileDiffersFromItsManifestThenFailsNamingIt() {
		Manifest attempt = collect(NEW_SESSION, this.runtime.run("c", Map.of()).file("a.txt", "alpha"));
		this.store.objects.put(StoredAttempts.fileKey(attempt, "a.txt"), "alphA".getBytes(StandardCharsets.UTF_8));
		FakeContainerRuntime.Fake fresh = this.runtime.run("fresh", Map.of());

		assertThatThrownBy(() -> this.restorer.restore(attempt, fresh.id, Fixtures.codeserver()))
			.isInstanceOf(RestoreException.class)
			.hasMessageContaining("a.txt")
			.hasMessageContaining("the manifest says 5 bytes with " + InMemoryObjectStore.sha256("alpha"));
	}

	@Test
	void restoreWhenAStoredFileIsLongerThanItsManifestThenFails() {
		Manifest attempt = collect(NEW_SESSION, this.runtime.run("c", Map.of()).file("a.txt", "alpha"));
		this.store.objects.put(StoredAttempts.fileKey(attempt, "a.txt"), "alpha!".getBytes(StandardCharsets.UTF_8));
		FakeContainerRuntime.Fake fresh = this.runtime.run("fresh", Map.of());

		assertThatThrownBy(() -> this.restorer.restore(attempt, fresh.id, Fixtures.codeserver()))
			.isInstanceOf(RestoreException.class)
			.hasMessageContaining("a.txt is longer in the store than in its manifest");
	}

	@Test
	void restoreWhenTheEngineRefusesThenFailsWithItsReason() {
		Manifest attempt = collect(NEW_SESSION, this.runtime.run("c", Map.of()).file("a.txt", "alpha"));
		FakeContainerRuntime.Fake fresh = this.runtime.run("fresh", Map.of());
		this.runtime.failCopy.add("fresh");

		assertThatThrownBy(() -> this.restorer.restore(attempt, fresh.id, Fixtures.codeserver()))
			.isInstanceOf(RestoreException.class)
			.hasMessageContaining("container or path missing");
	}

	private Manifest collect(String session, FakeContainerRuntime.Fake container) {
		return this.collector
			.collect(new WorkspaceCollector.Target("cs101", session, "s1", container.id, Fixtures.codeserver()));
	}

}
