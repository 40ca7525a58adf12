package io.caas.classes.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.caas.classes.workspace.Manifest.FileEntry;
import io.caas.classes.workspace.Manifest.InertEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a complete attempt as a tar stream with paths relative to the workspace: every
 * folder an entry, so the engine creates none on its own (it would own them as root),
 * files with their manifest mode and mtime, symlinks as symlinks. Each file is streamed
 * from the store and its size and SHA-256 are checked against the manifest as it passes;
 * the first mismatch ends the stream with an exception.
 */
final class RestoreArchive {

	private static final int DEFAULT_FILE_MODE = 0644;

	private static final int FOLDER_MODE = 0755;

	private static final int REGULAR = 0100000;

	private static final int FOLDER = 040000;

	private final StoredAttempts attempts;

	RestoreArchive(StoredAttempts attempts) {
		this.attempts = attempts;
	}

	/**
	 * Writes the archive; leaves {@code out} open, so that the caller can record a
	 * failure before the reading side sees the end.
	 */
	void write(Manifest attempt, OutputStream out) throws IOException {
		TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
		tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
		tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
		Set<String> folders = new HashSet<>();
		List<FileEntry> files = attempt.files().stream().sorted(Comparator.comparing(FileEntry::path)).toList();
		for (FileEntry file : files) {
			if (!SafePaths.isSafe(file.path())) {
				throw new RestoreException(
						"restore: unsafe path '" + file.path() + "' in attempt " + attempt.attemptId());
			}
			folders(tar, file.path(), folders);
			TarArchiveEntry entry = new TarArchiveEntry(file.path(), true);
			entry.setSize(file.size());
			entry.setMode(REGULAR | modeOf(file));
			if (file.mtime() != null) {
				entry.setModTime(Date.from(file.mtime()));
			}
			tar.putArchiveEntry(entry);
			copyVerified(attempt, file, tar);
			tar.closeArchiveEntry();
		}
		for (InertEntry inert : attempt.inert()) {
			if (inert.type().equals("symlink") && SafePaths.isSafe(inert.path())) {
				folders(tar, inert.path(), folders);
				TarArchiveEntry link = new TarArchiveEntry(inert.path(), TarArchiveEntry.LF_SYMLINK, true);
				link.setLinkName(inert.target());
				tar.putArchiveEntry(link);
				tar.closeArchiveEntry();
			}
		}
		tar.finish();
		tar.flush();
	}

	private void copyVerified(Manifest attempt, FileEntry file, OutputStream tar) throws IOException {
		MessageDigest sha256 = VerifiedUpload.sha256();
		long copied;
		try (InputStream in = new DigestInputStream(this.attempts.open(attempt, file.path()), sha256)) {
			copied = in.transferTo(new Bounded(tar, file.size(), file.path()));
		}
		String digest = VerifiedUpload.hex(sha256.digest());
		if (copied != file.size() || !digest.equals(file.sha256())) {
			throw new RestoreException("restore: " + file.path() + " of attempt " + attempt.attemptId()
					+ " reads back as " + copied + " bytes with sha256 " + digest + ", the manifest says " + file.size()
					+ " bytes with " + file.sha256());
		}
	}

	private static void folders(TarArchiveOutputStream tar, String path, Set<String> done) throws IOException {
		int slash = -1;
		while ((slash = path.indexOf('/', slash + 1)) > 0) {
			String folder = path.substring(0, slash + 1);
			if (done.add(folder)) {
				TarArchiveEntry entry = new TarArchiveEntry(folder, true);
				entry.setMode(FOLDER | FOLDER_MODE);
				tar.putArchiveEntry(entry);
				tar.closeArchiveEntry();
			}
		}
	}

	private static int modeOf(FileEntry file) {
		return (file.mode() & 07777) != 0 ? file.mode() & 0777 : DEFAULT_FILE_MODE;
	}

	/** Refuses more bytes than the manifest declares, naming the file. */
	private static final class Bounded extends OutputStream {

		private final OutputStream out;

		private final String path;

		private long left;

		Bounded(OutputStream out, long size, String path) {
			this.out = out;
			this.left = size;
			this.path = path;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (len > this.left) {
				throw new RestoreException("restore: " + this.path + " is longer in the store than in its manifest");
			}
			this.left -= len;
			this.out.write(b, off, len);
		}

	}

}
