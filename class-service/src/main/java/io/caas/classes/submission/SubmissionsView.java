package io.caas.classes.submission;

import java.time.Instant;
import java.util.List;

import io.caas.classes.workspace.Manifest;

/**
 * {@code GET /api/classes/{classId}/submissions}: sessions, newest first; per student the
 * latest complete attempt with its files, and every complete attempt listed.
 */
record SubmissionsView(String classId, List<Session> sessions) {

	record Session(String sessionId, List<Student> students) {
	}

	record Student(String studentId, Attempt latest, List<Attempt> attempts) {

		static Student of(String studentId, List<Manifest> newestFirst) {
			Manifest latest = newestFirst.getFirst();
			List<File> files = latest.files()
				.stream()
				.map(f -> new File(f.path(), f.size(), f.sha256(), latest.collectedAt()))
				.toList();
			return new Student(studentId,
					new Attempt(latest.attemptId(), latest.collectedAt(), latest.fileCount(), latest.totalBytes(),
							files),
					newestFirst.stream()
						.map(m -> new Attempt(m.attemptId(), m.collectedAt(), m.fileCount(), m.totalBytes(), null))
						.toList());
		}

	}

	/** One complete attempt; {@code files} only for the latest. */
	record Attempt(String attemptId, Instant collectedAt, int fileCount, long totalBytes, List<File> files) {
	}

	record File(String path, long size, String sha256, Instant collectedAt) {
	}

}
