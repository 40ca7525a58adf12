package io.caas.classes.workspace;

import java.time.Clock;
import java.util.Map;
import java.util.Random;

import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.template.Template;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceCollectorTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private static final String STUDENT = "cs101/" + SESSION + "/s1/";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	private final WorkspaceCollector collector = new WorkspaceCollector(this.runtime, this.store, Clock.systemUTC());

	private final StoredAttempts attempts = new StoredAttempts(this.store);

	@Test
	void collectStoresEachFileUnderANewAttemptThenTheManifestLast() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha").file("d/e/b.txt", "");

		Manifest manifest = collect(c, Fixtures.codeserver());

		String attempt = STUDENT + manifest.attemptId() + "/";
		assertThat(this.store.objects).containsOnlyKeys(attempt + "files/a.txt", attempt + "files/d/e/b.txt",
				attempt + "manifest.json");
		assertThat(manifest.fileCount()).isEqualTo(2);
		assertThat(manifest.totalBytes()).isEqualTo(5);
		assertThat(manifest.runtimeImage()).isEqualTo(Fixtures.codeserver().image());
		assertThat(manifest.files()).extracting(Manifest.FileEntry::sha256)
			.containsExactly(InMemoryObjectStore.sha256("alpha"), InMemoryObjectStore.sha256(""));
		assertThat(this.attempts.latest("cs101", SESSION, "s1")).hasValue(manifest);
	}

	@Test
	void collectWhenRunTwiceThenEarlierAttemptIsUntouched() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("old.txt", "1");
		Manifest first = collect(c, Fixtures.codeserver());
		c.files.remove("old.txt");
		c.file("new.txt", "2");

		Manifest second = collect(c, Fixtures.codeserver());

		assertThat(second.attemptId()).isNotEqualTo(first.attemptId());
		assertThat(this.store.text(StoredAttempts.fileKey(first, "old.txt"))).isEqualTo("1");
		assertThat(this.attempts.complete("cs101", SESSION, "s1")).containsExactly(second, first);
		assertThat(this.store.deleted).isEmpty();
	}

	@Test
	void collectWhenAFileIsLargerThanOnePartThenItIsReadBack() {
		byte[] big = new byte[VerifiedUpload.SINGLE_PART_MAX + 17];
		new Random(3).nextBytes(big);
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).bytes("big.bin", big);

		Manifest manifest = collect(c, Fixtures.codeserver());

		assertThat(this.store.objects.get(StoredAttempts.fileKey(manifest, "big.bin"))).isEqualTo(big);
	}

	@Test
	void collectWhenStoreKeepsFewerBytesThenFailsWithoutManifest() {
		byte[] big = new byte[VerifiedUpload.SINGLE_PART_MAX + 1];
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).bytes("big.bin", big);
		this.store.truncateContaining.add("big.bin");

		assertThatThrownBy(() -> collect(c, Fixtures.codeserver())).isInstanceOf(CollectionException.class)
			.hasMessageContaining("big.bin");
		assertThat(this.attempts.complete("cs101", SESSION, "s1")).isEmpty();
		assertThat(this.store.keys(STUDENT)).noneMatch(k -> k.endsWith("manifest.json"));
	}

	@Test
	void collectWhenSmallFileArrivesCorruptedThenStoreRefusesIt() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		this.store.truncateContaining.add("a.txt");

		assertThatThrownBy(() -> collect(c, Fixtures.codeserver())).isInstanceOf(StorageException.class)
			.hasMessageContaining("ChecksumMismatch");
		assertThat(this.attempts.complete("cs101", SESSION, "s1")).isEmpty();
	}

	@Test
	void collectRecordsLinksAndDevicesAsInert() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		c.symlinks.put("secret", "/etc/shadow");
		c.rawEntries.add(new TarArchiveEntry("workspace/tty", TarArchiveEntry.LF_CHR));

		Manifest manifest = collect(c, Fixtures.codeserver());

		assertThat(manifest.fileCount()).isEqualTo(1);
		assertThat(manifest.inert()).containsExactly(new Manifest.InertEntry("secret", "symlink", "/etc/shadow"),
				new Manifest.InertEntry("tty", "device", ""));
	}

	@Test
	void collectWhenAnEntryEscapesThenFailsAndWritesNothingOutsideThePrefix() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		c.rawEntries.add(new TarArchiveEntry("workspace/../../../evil.txt"));
		c.rawEntries.add(new TarArchiveEntry("/abs.txt", true));

		assertThatThrownBy(() -> collect(c, Fixtures.codeserver())).isInstanceOf(CollectionException.class)
			.hasMessageContaining("refused: unsafe name");
		assertThat(this.store.objects.keySet()).allMatch(k -> k.startsWith(STUDENT));
		assertThat(this.attempts.complete("cs101", SESSION, "s1")).isEmpty();
	}

	@Test
	void collectWhenRootIsASymlinkThenFails() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		c.rootLink = "/tmp";

		assertThatThrownBy(() -> collect(c, Fixtures.codeserver())).isInstanceOf(CollectionException.class)
			.hasMessageContaining("workspace root is a symlink to '/tmp'");
	}

	@Test
	void collectWhenWorkspaceIsMissingThenFails() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of());
		this.runtime.failCopy.add("c");

		assertThatThrownBy(() -> collect(c, Fixtures.codeserver())).isInstanceOf(CollectionException.class)
			.hasMessageContaining("cannot be read");
	}

	@Test
	void collectWhenOverTheFileLimitThenFailsWithTheLimit() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a", "1").file("b", "2").file("c", "3");

		assertThatThrownBy(() -> collect(c, limited(DataSize.ofGigabytes(1), 2)))
			.isInstanceOf(CollectionException.class)
			.hasMessageContaining("more than 2 files");
	}

	@Test
	void collectWhenOverTheByteLimitThenFailsWithTheLimit() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a", "12345").file("b", "678");

		assertThatThrownBy(() -> collect(c, limited(DataSize.ofBytes(6), 10))).isInstanceOf(CollectionException.class)
			.hasMessageContaining("larger than 6B");
	}

	private Manifest collect(FakeContainerRuntime.Fake c, Template template) {
		return this.collector.collect(new WorkspaceCollector.Target("cs101", SESSION, "s1", c.id, template));
	}

	private static Template limited(DataSize bytes, int files) {
		Template t = Fixtures.codeserver();
		return new Template(t.id(), t.displayName(), t.image(), t.port(), t.workspacePath(), t.user(), t.memory(),
				t.cpus(), t.pidsLimit(), bytes, files);
	}

}
