package io.caas.classes.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ContainerRuntimeException;
import io.caas.classes.template.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Carry-over: restores a student's latest complete attempt of a class into a new
 * workspace. The tar is built on the fly from the store ({@link RestoreArchive}, every
 * file checked against the manifest as it passes) and streamed into the container through
 * {@link ContainerRuntime#copyIn}; nothing touches the disk. Any failure is a
 * {@link RestoreException} with the reason. Used when a carry-over class opens, and by
 * anything that starts a student again from their last work (e.g. a reset).
 */
@Component
public class WorkspaceRestorer {

	private static final Logger log = LoggerFactory.getLogger(WorkspaceRestorer.class);

	private static final int PIPE_BUFFER = 256 * 1024;

	private final ContainerRuntime runtime;

	private final StoredAttempts attempts;

	private final RestoreArchive archive;

	private final ObjectStore store;

	private volatile boolean bucketReady;

	public WorkspaceRestorer(ContainerRuntime runtime, StoredAttempts attempts, ObjectStore store) {
		this.runtime = runtime;
		this.attempts = attempts;
		this.archive = new RestoreArchive(attempts);
		this.store = store;
	}

	/**
	 * The student's latest complete attempt in the class: from the newest session that
	 * has one.
	 */
	public Optional<Manifest> latest(String classId, String studentId) {
		try {
			// a new installation has no bucket yet, i.e. nothing to carry over
			if (!this.bucketReady) {
				this.store.ensureBucket();
				this.bucketReady = true;
			}
			for (String session : this.attempts.sessions(classId)) {
				Optional<Manifest> latest = this.attempts.latest(classId, session, studentId);
				if (latest.isPresent()) {
					return latest;
				}
			}
			return Optional.empty();
		}
		catch (StorageException ex) {
			throw new RestoreException("restore: cannot read earlier submissions: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Restores the latest attempt, if any, into the container's workspace; returns what
	 * was restored.
	 */
	public Optional<Manifest> restoreLatest(String classId, String studentId, String containerId, Template template) {
		Optional<Manifest> latest = latest(classId, studentId);
		latest.ifPresent(attempt -> restore(attempt, containerId, template));
		return latest;
	}

	/** Streams the attempt into the container's workspace folder. */
	public void restore(Manifest attempt, String containerId, Template template) {
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (PipedInputStream pipe = new PipedInputStream(PIPE_BUFFER)) {
			PipedOutputStream out = new PipedOutputStream(pipe);
			Thread writer = Thread.ofVirtual().name("caas-restore-" + attempt.studentId()).start(() -> {
				try {
					this.archive.write(attempt, out);
				}
				catch (IOException | RuntimeException ex) {
					failure.compareAndSet(null, ex);
				}
				finally {
					closeQuietly(out);
				}
			});
			try {
				this.runtime.copyIn(containerId, template.workspacePath(), new FailingAtEnd(pipe, failure));
			}
			catch (ContainerRuntimeException ex) {
				failure.compareAndSet(null, ex);
			}
			finally {
				pipe.close();
				writer.join();
			}
		}
		catch (IOException ex) {
			failure.compareAndSet(null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.compareAndSet(null, ex);
		}
		Exception problem = failure.get();
		if (problem != null) {
			throw (problem instanceof RestoreException restore) ? restore : new RestoreException(
					"restore of attempt " + attempt.attemptId() + " failed: " + problem.getMessage(), problem);
		}
		log.info("workspace restored classId={} studentId={} fromSession={} attemptId={} files={} bytes={}",
				attempt.classId(), attempt.studentId(), attempt.sessionId(), attempt.attemptId(), attempt.fileCount(),
				attempt.totalBytes());
	}

	private static void closeQuietly(PipedOutputStream out) {
		try {
			out.close();
		}
		catch (IOException ex) {
			// the reading side is gone; its own failure is the one reported
		}
	}

	/**
	 * The pipe's reading end, which turns the writer's failure into an error at the end
	 * of the stream, so the engine never takes a cut-off archive for a complete one.
	 */
	private static final class FailingAtEnd extends java.io.FilterInputStream {

		private final AtomicReference<Exception> failure;

		FailingAtEnd(InputStream in, AtomicReference<Exception> failure) {
			super(in);
			this.failure = failure;
		}

		@Override
		public int read() throws IOException {
			return check(super.read());
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return check(super.read(buffer, offset, length));
		}

		private int check(int n) throws IOException {
			Exception problem = this.failure.get();
			if (n < 0 && problem != null) {
				throw new IOException("restore archive failed: " + problem.getMessage(), problem);
			}
			return n;
		}

		@Override
		public void close() {
			// the restorer closes the pipe once the writer is done
		}

	}

}
