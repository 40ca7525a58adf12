package io.caas.classes.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.caas.common.naming.Ids;

import org.springframework.stereotype.Component;

/**
 * Reads what was collected: only attempts whose {@code manifest.json} exists are
 * complete; everything else under a student's prefix is an unfinished attempt and never
 * shown.
 */
@Component
public class StoredAttempts {

	private final ObjectStore store;

	public StoredAttempts(ObjectStore store) {
		this.store = store;
	}

	/** Session ids with anything stored, newest first (session ids sort by time). */
	public List<String> sessions(String classId) {
		return this.store.children(Ids.require("class", classId) + "/")
			.stream()
			.filter(WorkspaceKeys::isSession)
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	public List<String> students(String classId, String sessionId) {
		return this.store.children(WorkspaceKeys.session(classId, sessionId))
			.stream()
			.filter(Ids::isValid)
			.sorted()
			.toList();
	}

	/** Complete attempts of a student in a session, newest first. */
	public List<Manifest> complete(String classId, String sessionId, String studentId) {
		String prefix = WorkspaceKeys.student(classId, sessionId, studentId);
		List<Manifest> manifests = new ArrayList<>();
		for (ObjectStore.Listed object : this.store.list(prefix)) {
			String rest = object.key().substring(prefix.length());
			int slash = rest.indexOf('/');
			if (slash > 0 && rest.substring(slash + 1).equals(WorkspaceKeys.MANIFEST)
					&& WorkspaceKeys.isAttempt(rest.substring(0, slash))) {
				manifests.add(read(object.key()));
			}
		}
		manifests.sort(Comparator.comparing(Manifest::attemptId).reversed());
		return manifests;
	}

	public Optional<Manifest> latest(String classId, String sessionId, String studentId) {
		return complete(classId, sessionId, studentId).stream().findFirst();
	}

	/** The bytes of one file of a complete attempt; the caller closes the stream. */
	public InputStream open(Manifest attempt, String path) {
		return this.store.open(fileKey(attempt, path));
	}

	public static String fileKey(Manifest attempt, String path) {
		return WorkspaceKeys.attempt(attempt.classId(), attempt.sessionId(), attempt.studentId(), attempt.attemptId())
				+ "files/" + path;
	}

	private Manifest read(String key) {
		try (InputStream in = this.store.open(key)) {
			return WorkspaceCollector.JSON.readValue(in, Manifest.class);
		}
		catch (IOException ex) {
			throw new StorageException("read " + key + ": " + ex.getMessage(), ex);
		}
	}

}
