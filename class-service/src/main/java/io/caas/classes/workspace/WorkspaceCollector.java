package io.caas.classes.workspace;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.workspace.UploadedWorkspace.UploadedFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Saves a student's workspace, one object per regular file, straight from the engine's
 * tar stream to the store: no file or archive is held in memory or on disk. A container
 * may be removed only after {@link #verify} passed for it.
 */
@Component
public class WorkspaceCollector {

	/** User metadata key of each object's SHA-256, hex. */
	public static final String SHA256 = "sha256";

	private static final Logger log = LoggerFactory.getLogger(WorkspaceCollector.class);

	private final ContainerRuntime runtime;

	private final ObjectStore store;

	private volatile boolean bucketReady;

	public WorkspaceCollector(ContainerRuntime runtime, ObjectStore store) {
		this.runtime = runtime;
		this.store = store;
	}

	/**
	 * Streams every regular file under {@code workspacePath} to
	 * {@code <prefix><relative path>}. Objects left under the prefix by an earlier
	 * attempt are deleted first, so the prefix holds exactly this snapshot.
	 */
	public UploadedWorkspace upload(String containerId, String workspacePath, String prefix) {
		if (!this.bucketReady) {
			this.store.ensureBucket();
			this.bucketReady = true;
		}
		this.store.deletePrefix(prefix);
		String folder = workspacePath.substring(workspacePath.lastIndexOf('/') + 1);
		List<UploadedFile> files = new ArrayList<>();
		int skipped = 0;
		try (InputStream archive = this.runtime.copyOut(containerId, workspacePath);
				TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				Optional<String> relative = WorkspaceKeys.relativePath(entry.getName(), folder);
				if (!isRegularFile(entry) || relative.isEmpty()) {
					log.warn(
							"workspace entry skipped prefix={} entry={} type={} reason=not-a-regular-file-in-workspace",
							prefix, entry.getName(), (char) entry.getLinkFlag());
					skipped++;
					continue;
				}
				files.add(uploadEntry(tar, entry.getSize(), prefix + relative.get()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("read workspace archive: " + ex.getMessage(), ex);
		}
		return new UploadedWorkspace(prefix, files, skipped);
	}

	/**
	 * Checks every object against what was streamed (size, SHA-256 metadata and, for
	 * single-part uploads, the MD5 entity tag) and that the prefix holds nothing else.
	 */
	public void verify(UploadedWorkspace uploaded) {
		for (UploadedFile file : uploaded.files()) {
			ObjectStore.StoredObject stored = this.store.stat(file.key())
				.orElseThrow(() -> new StorageException("verify: " + file.key() + " is missing"));
			if (stored.size() != file.size()) {
				throw new StorageException(
						"verify: " + file.key() + " has " + stored.size() + " bytes, streamed " + file.size());
			}
			if (!file.sha256().equals(metadata(stored, SHA256))) {
				throw new StorageException("verify: " + file.key() + " sha256 metadata does not match");
			}
			if (stored.etag().matches("^[0-9a-f]{32}$") && !stored.etag().equals(file.md5())) {
				throw new StorageException("verify: " + file.key() + " content digest does not match");
			}
		}
		int found = this.store.list(uploaded.prefix()).size();
		if (found != uploaded.files().size()) {
			throw new StorageException("verify: " + uploaded.prefix() + " holds " + found + " objects, uploaded "
					+ uploaded.files().size());
		}
	}

	private UploadedFile uploadEntry(TarArchiveInputStream tar, long size, String key) throws IOException {
		MessageDigest sha256 = digest("SHA-256");
		MessageDigest md5 = digest("MD5");
		Counting counted = new Counting(tar);
		InputStream content = new DigestInputStream(new DigestInputStream(counted, sha256), md5);
		this.store.put(key, content, size);
		if (counted.count != size) {
			throw new StorageException("upload " + key + ": streamed " + counted.count + " of " + size + " bytes");
		}
		String hex = HexFormat.of().formatHex(sha256.digest());
		this.store.putMetadata(key, Map.of(SHA256, hex));
		return new UploadedFile(key, size, hex, HexFormat.of().formatHex(md5.digest()));
	}

	private static boolean isRegularFile(TarArchiveEntry entry) {
		return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
				&& !entry.isBlockDevice() && !entry.isFIFO();
	}

	private static String metadata(ObjectStore.StoredObject stored, String key) {
		return stored.userMetadata()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase(key))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts what the store read, and keeps the store from closing the archive. */
	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) {
			// skipping would upload bytes without digesting them
			return 0;
		}

		@Override
		public void close() {
		}

	}

}
