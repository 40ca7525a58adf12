package io.caas.classes.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.caas.classes.support.InMemoryObjectStore;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPipelineTest {

	private static final int KIB = 1024;

	@Test
	void submitWhenUploadsAreSlowThenSeveralRunAtOnceAndEveryFileArrivesWithItsChecksum() throws IOException {
		GatedStore store = new GatedStore(3);
		byte[][] files = randomFiles(12, 64 * KIB);
		try (UploadPipeline pipeline = new UploadPipeline(store, new UploadProperties(3, DataSize.ofMegabytes(8)))) {
			for (int i = 0; i < files.length; i++) {
				byte[] digest = pipeline.submit("k/" + i, new ByteArrayInputStream(files[i]), files[i].length);
				assertThat(digest).isEqualTo(VerifiedUpload.sha256().digest(files[i]));
			}
			pipeline.awaitAll();
		}
		assertThat(store.peakInFlight.get()).isEqualTo(3);
		for (int i = 0; i < files.length; i++) {
			assertThat(store.objects.get("k/" + i)).isEqualTo(files[i]);
		}
	}

	@Test
	void submitNeverHoldsMoreThanTheBudgetInMemory() throws IOException {
		GatedStore store = new GatedStore(2);
		int budget = 5 * KIB * KIB;
		byte[][] files = randomFiles(20, 2 * KIB * KIB);
		try (UploadPipeline pipeline = new UploadPipeline(store, new UploadProperties(8, DataSize.ofBytes(budget)))) {
			for (int i = 0; i < files.length; i++) {
				pipeline.submit("k/" + i, new ByteArrayInputStream(files[i]), files[i].length);
			}
			pipeline.awaitAll();
		}
		// two 2 MiB files fit a 5 MiB budget, a third waits for one of them
		assertThat(store.peakInFlightBytes.get()).isLessThanOrEqualTo(budget);
		assertThat(store.peakInFlight.get()).isEqualTo(2);
		assertThat(store.objects).hasSize(files.length);
	}

	@Test
	void awaitAllWhenOneUploadFailsThenThrowsTheStoresReason() throws IOException {
		InMemoryObjectStore store = new InMemoryObjectStore();
		store.failPutContaining.add("bad");
		try (UploadPipeline pipeline = new UploadPipeline(store, UploadProperties.defaults())) {
			pipeline.submit("ok", new ByteArrayInputStream(new byte[10]), 10);
			pipeline.submit("bad", new ByteArrayInputStream(new byte[10]), 10);
			assertThatThrownBy(pipeline::awaitAll).isInstanceOf(StorageException.class)
				.hasMessageContaining("upload bad: connection refused");
		}
	}

	@Test
	void submitWhenArchiveEndsEarlyThenFailsAndReleasesTheBudget() throws IOException {
		InMemoryObjectStore store = new InMemoryObjectStore();
		try (UploadPipeline pipeline = new UploadPipeline(store, UploadProperties.defaults())) {
			assertThatThrownBy(() -> pipeline.submit("short", new ByteArrayInputStream(new byte[3]), 10))
				.isInstanceOf(CollectionException.class)
				.hasMessageContaining("archive ended inside short (3 of 10 bytes)");
			pipeline.awaitAll();
		}
		assertThat(store.objects).isEmpty();
	}

	private static byte[][] randomFiles(int count, int size) {
		Random random = new Random(count);
		byte[][] files = new byte[count][size];
		for (byte[] file : files) {
			random.nextBytes(file);
		}
		return files;
	}

	/**
	 * Holds each upload until {@code parties} of them are in flight at once (or a moment
	 * passed: ten seconds), recording how many uploads and bytes were in flight together.
	 */
	static final class GatedStore extends InMemoryObjectStore {

		final AtomicInteger peakInFlight = new AtomicInteger();

		final AtomicInteger peakInFlightBytes = new AtomicInteger();

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger inFlightBytes = new AtomicInteger();

		private final CountDownLatch together;

		GatedStore(int parties) {
			this.together = new CountDownLatch(parties);
		}

		@Override
		public void put(String key, InputStream content, long size, byte[] sha256) {
			this.peakInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			this.peakInFlightBytes.accumulateAndGet(this.inFlightBytes.addAndGet((int) size), Math::max);
			try {
				this.together.countDown();
				this.together.await(10, TimeUnit.SECONDS);
				super.put(key, content, size, sha256);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.inFlightBytes.addAndGet((int) -size);
				this.inFlight.decrementAndGet();
			}
		}

	}

}
