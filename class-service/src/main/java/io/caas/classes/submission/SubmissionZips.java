package io.caas.classes.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import io.caas.classes.workspace.Manifest;
import io.caas.classes.workspace.SafePaths;
import io.caas.classes.workspace.StoredAttempts;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import org.springframework.stereotype.Component;

/**
 * Writes attempts as a zip straight from the store to the response, one file at a time:
 * nothing is buffered whole.
 */
@Component
class SubmissionZips {

	private final StoredAttempts attempts;

	SubmissionZips(StoredAttempts attempts) {
		this.attempts = attempts;
	}

	/** Each attempt's files, under {@code <folder of the attempt>/<path>}. */
	void write(List<Manifest> manifests, boolean folderPerStudent, OutputStream out) throws IOException {
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
			zip.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.AsNeeded);
			for (Manifest manifest : manifests) {
				for (Manifest.FileEntry file : manifest.files()) {
					if (!SafePaths.isSafe(file.path())) {
						continue;
					}
					String name = folderPerStudent ? manifest.studentId() + "/" + file.path() : file.path();
					ZipArchiveEntry entry = new ZipArchiveEntry(name);
					entry.setTime(file.mtime().toEpochMilli());
					entry.setUnixMode(0100000 | (file.mode() & 0777));
					zip.putArchiveEntry(entry);
					try (InputStream in = this.attempts.open(manifest, file.path())) {
						in.transferTo(zip);
					}
					zip.closeArchiveEntry();
				}
			}
			zip.finish();
		}
	}

}
