package io.caas.classes.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The explicit retention policy ({@code caas.collection.keep-attempts}): after a
 * collection completed, keeps that many complete attempts of the student in the session,
 * newest first, and deletes older ones. 0 (the default) keeps everything. The attempt
 * just written is always kept, and unfinished attempts newer than it are left alone.
 */
@Component
public class AttemptRetention {

	private static final Logger log = LoggerFactory.getLogger(AttemptRetention.class);

	private final ObjectStore store;

	private final int keep;

	public AttemptRetention(ObjectStore store, CollectionProperties properties) {
		this.store = store;
		this.keep = properties.keepAttempts();
	}

	/** Applies the policy after {@code written} completed; returns attempts deleted. */
	public List<String> apply(Manifest written) {
		if (this.keep <= 0) {
			return List.of();
		}
		String prefix = WorkspaceKeys.student(written.classId(), written.sessionId(), written.studentId());
		List<ObjectStore.Listed> objects = this.store.list(prefix);
		TreeSet<String> complete = new TreeSet<>();
		for (ObjectStore.Listed object : objects) {
			String rest = object.key().substring(prefix.length());
			if (rest.endsWith("/" + WorkspaceKeys.MANIFEST)) {
				complete.add(rest.substring(0, rest.indexOf('/')));
			}
		}
		complete.remove(written.attemptId());
		List<String> doomed = new ArrayList<>();
		int kept = 1;
		for (String attempt : complete.descendingSet()) {
			if (kept < this.keep) {
				kept++;
			}
			else if (attempt.compareTo(written.attemptId()) < 0) {
				doomed.add(attempt);
			}
		}
		List<String> keys = objects.stream()
			.map(ObjectStore.Listed::key)
			.filter(k -> doomed.stream().anyMatch(a -> k.startsWith(prefix + a + "/")))
			.toList();
		this.store.delete(keys);
		if (!doomed.isEmpty()) {
			log.info("retention deleted attempts classId={} sessionId={} studentId={} attempts={} reason=keep-{}",
					written.classId(), written.sessionId(), written.studentId(), doomed, this.keep);
		}
		return doomed;
	}

}
