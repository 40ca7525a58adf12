package io.caas.classes.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.caas.common.naming.Ids;

import org.springframework.stereotype.Component;

/**
 * Finds attempts that never got their manifest (a collection that failed or was cut off),
 * for an operator to look at. Nothing here deletes: an incomplete attempt may hold the
 * only copy of a file whose collection failed after it was uploaded.
 */
@Component
public class IncompleteAttempts {

	private final ObjectStore store;

	public IncompleteAttempts(ObjectStore store) {
		this.store = store;
	}

	/** Incomplete attempts of the class started before {@code cutoff}, oldest first. */
	public List<Incomplete> startedBefore(String classId, Instant cutoff) {
		String prefix = Ids.require("class", classId) + "/";
		Map<String, long[]> sizes = new TreeMap<>();
		Set<String> complete = new HashSet<>();
		for (ObjectStore.Listed object : this.store.list(prefix)) {
			String[] parts = object.key().substring(prefix.length()).split("/", 4);
			if (parts.length < 4 || !WorkspaceKeys.isAttempt(parts[2])) {
				continue;
			}
			String attempt = parts[0] + "/" + parts[1] + "/" + parts[2];
			if (parts[3].equals(WorkspaceKeys.MANIFEST)) {
				complete.add(attempt);
			}
			long[] counted = sizes.computeIfAbsent(attempt, a -> new long[2]);
			counted[0]++;
			counted[1] += object.size();
		}
		List<Incomplete> found = new ArrayList<>();
		for (Map.Entry<String, long[]> attempt : sizes.entrySet()) {
			String[] ids = attempt.getKey().split("/");
			Instant started = WorkspaceKeys.attemptTime(ids[2]);
			if (!complete.contains(attempt.getKey()) && started.isBefore(cutoff)) {
				found
					.add(new Incomplete(ids[0], ids[1], ids[2], started, attempt.getValue()[0], attempt.getValue()[1]));
			}
		}
		found.sort(java.util.Comparator.comparing(Incomplete::startedAt));
		return found;
	}

	/**
	 * One attempt without manifest.
	 *
	 * @param objects objects stored under it
	 * @param bytes their total size
	 */
	public record Incomplete(String sessionId, String studentId, String attemptId, Instant startedAt, long objects,
			long bytes) {
	}

}
