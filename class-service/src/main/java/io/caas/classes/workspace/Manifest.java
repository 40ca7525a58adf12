package io.caas.classes.workspace;

import java.time.Instant;
import java.util.List;

/**
 * What one attempt holds, written as {@code manifest.json} after every file was verified
 * by the store. An attempt without it is incomplete and never shown.
 *
 * @param runtimeImage image of the runtime the files came from
 * @param fileCount number of files stored under {@code files/}
 * @param totalBytes sum of their sizes
 * @param files every stored file
 * @param inert entries recorded but not stored as files (links, devices, FIFOs)
 */
public record Manifest(String classId, String sessionId, String studentId, String attemptId, Instant collectedAt,
		String runtimeImage, String templateId, int fileCount, long totalBytes, List<FileEntry> files,
		List<InertEntry> inert) {

	public Manifest {
		files = (files != null) ? List.copyOf(files) : List.of();
		inert = (inert != null) ? List.copyOf(inert) : List.of();
	}

	/**
	 * One stored file.
	 *
	 * @param path path relative to the workspace
	 * @param sha256 hex digest, proven by the store
	 * @param mode permission bits
	 */
	public record FileEntry(String path, long size, String sha256, int mode, Instant mtime) {
	}

	/**
	 * An entry kept as a record only: its target is never followed or written anywhere.
	 *
	 * @param type {@code symlink}, {@code hardlink}, {@code device} or {@code fifo}
	 * @param target link target as the archive names it, else empty
	 */
	public record InertEntry(String path, String type, String target) {
	}

}
