package io.caas.classes.workspace;

import java.util.Map;

import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.InMemoryObjectStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceCollectorTest {

	private static final String PREFIX = "cs101/20261124t231900z-k3x9/s1/";

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final InMemoryObjectStore store = new InMemoryObjectStore();

	private final WorkspaceCollector collector = new WorkspaceCollector(this.runtime, this.store);

	@Test
	void uploadStoresEachRegularFileUnderItsKeyWithItsSha256() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha").file("d/e/b.txt", "");

		UploadedWorkspace uploaded = this.collector.upload(c.id, "/home/student/workspace", PREFIX);
		this.collector.verify(uploaded);

		assertThat(this.store.bucketCreated).isTrue();
		assertThat(this.store.objects).containsOnlyKeys(PREFIX + "a.txt", PREFIX + "d/e/b.txt");
		assertThat(this.store.objects.get(PREFIX + "a.txt").metadata())
			.isEqualTo(Map.of("sha256", InMemoryObjectStore.sha256("alpha")));
		assertThat(uploaded.bytes()).isEqualTo(5);
	}

	@Test
	void uploadSkipsSymlinks() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		c.symlinks.put("secret", "/etc/shadow");

		UploadedWorkspace uploaded = this.collector.upload(c.id, "/home/student/workspace", PREFIX);

		assertThat(this.store.objects).containsOnlyKeys(PREFIX + "a.txt");
		assertThat(uploaded.skipped()).isEqualTo(1);
	}

	@Test
	void uploadWhenRetriedThenPrefixHoldsOnlyTheNewSnapshot() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("old.txt", "1").file("keep.txt", "2");
		this.collector.upload(c.id, "/home/student/workspace", PREFIX);
		c.files.remove("old.txt");

		this.collector.verify(this.collector.upload(c.id, "/home/student/workspace", PREFIX));

		assertThat(this.store.objects).containsOnlyKeys(PREFIX + "keep.txt");
	}

	@Test
	void verifyWhenStoredSizeDiffersThenFails() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		this.store.truncateContaining.add("a.txt");

		UploadedWorkspace uploaded = this.collector.upload(c.id, "/home/student/workspace", PREFIX);

		assertThatThrownBy(() -> this.collector.verify(uploaded)).isInstanceOf(StorageException.class)
			.hasMessageContaining("has 4 bytes, streamed 5");
	}

	@Test
	void verifyWhenMetadataWasLostThenFails() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		UploadedWorkspace uploaded = this.collector.upload(c.id, "/home/student/workspace", PREFIX);
		this.store.objects.computeIfPresent(PREFIX + "a.txt",
				(k, v) -> new InMemoryObjectStore.Stored(v.bytes(), Map.of()));

		assertThatThrownBy(() -> this.collector.verify(uploaded)).hasMessageContaining("sha256");
	}

	@Test
	void verifyWhenAnObjectIsMissingOrExtraThenFails() {
		FakeContainerRuntime.Fake c = this.runtime.run("c", Map.of()).file("a.txt", "alpha");
		UploadedWorkspace uploaded = this.collector.upload(c.id, "/home/student/workspace", PREFIX);
		this.store.put(PREFIX + "stray.txt", new java.io.ByteArrayInputStream(new byte[1]), 1);

		assertThatThrownBy(() -> this.collector.verify(uploaded)).hasMessageContaining("holds 2 objects, uploaded 1");

		this.store.objects.clear();
		assertThatThrownBy(() -> this.collector.verify(uploaded)).hasMessageContaining("is missing");
	}

}
