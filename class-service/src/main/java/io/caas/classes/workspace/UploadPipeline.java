package io.caas.classes.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The uploads of one collection. The archive is read in order by the caller; each
 * single-part file is read into memory, hashed, and handed to one of a few workers that
 * send it with its SHA-256 checksum (the store validates it). Memory is bounded by a byte
 * budget: the reader waits for uploads to finish before it reads past it. The first
 * failed upload fails the collection; the caller then abandons the attempt.
 */
final class UploadPipeline implements AutoCloseable {

	private final ObjectStore store;

	private final ExecutorService workers;

	private final int budget;

	private final Semaphore free;

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	UploadPipeline(ObjectStore store, UploadProperties properties) {
		this.store = store;
		this.budget = (int) properties.bufferBudget().toBytes();
		this.free = new Semaphore(this.budget);
		this.workers = Executors.newFixedThreadPool(properties.concurrency(),
				Thread.ofPlatform().name("caas-upload-", 0).daemon().factory());
	}

	/**
	 * Whether a file of this size goes through the pipeline: small enough that several
	 * fit the budget at once. Larger ones upload on the reading thread.
	 */
	boolean accepts(long size) {
		return size <= this.budget / 4;
	}

	/**
	 * Reads {@code size} bytes of {@code key} from the archive and queues their upload;
	 * returns their SHA-256.
	 */
	byte[] submit(String key, InputStream archive, int size) throws IOException {
		rethrow();
		int permits = Math.min(Math.max(size, 1), this.budget);
		acquire(permits);
		try {
			byte[] bytes = archive.readNBytes(size);
			if (bytes.length != size) {
				throw new CollectionException(
						"archive ended inside " + key + " (" + bytes.length + " of " + size + " bytes)");
			}
			MessageDigest sha256 = VerifiedUpload.sha256();
			byte[] digest = sha256.digest(bytes);
			this.workers.execute(() -> upload(key, bytes, digest, permits));
			return digest;
		}
		catch (IOException | RuntimeException ex) {
			this.free.release(permits);
			throw ex;
		}
	}

	/** Waits until every queued upload is done; throws the first failure. */
	void awaitAll() {
		acquire(this.budget);
		this.free.release(this.budget);
		rethrow();
	}

	private void upload(String key, byte[] bytes, byte[] digest, int permits) {
		try {
			if (this.failure.get() == null) {
				this.store.put(key, new ByteArrayInputStream(bytes), bytes.length, digest);
			}
		}
		catch (RuntimeException ex) {
			this.failure.compareAndSet(null, ex);
		}
		finally {
			this.free.release(permits);
		}
	}

	private void acquire(int permits) {
		try {
			this.free.acquire(permits);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CollectionException("interrupted while uploading", ex);
		}
	}

	private void rethrow() {
		RuntimeException first = this.failure.get();
		if (first != null) {
			throw first;
		}
	}

	/** Stops the workers; uploads still running are interrupted and waited for. */
	@Override
	public void close() {
		this.workers.shutdownNow();
		try {
			this.workers.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
