package io.caas.classes.workspace;

import java.util.List;

/**
 * What was streamed for one student, to be verified against the store.
 *
 * @param prefix key prefix of this student's snapshot
 * @param files every uploaded file
 * @param skipped entries not saved (links, devices, names escaping the workspace)
 */
public record UploadedWorkspace(String prefix, List<UploadedFile> files, int skipped) {

	public UploadedWorkspace {
		files = List.copyOf(files);
	}

	public long bytes() {
		return this.files.stream().mapToLong(UploadedFile::size).sum();
	}

	/** One file as streamed: its size and digests computed on the way through. */
	public record UploadedFile(String key, long size, String sha256, String md5) {
	}

}
