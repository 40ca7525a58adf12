package io.caas.classes.workspace;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port in front of the S3 bucket that keeps workspaces. Failures are
 * {@link StorageException}s.
 */
public interface ObjectStore {

	/** Creates the bucket when missing. */
	void ensureBucket();

	/**
	 * Streams exactly {@code size} bytes to {@code key}; the store never closes
	 * {@code content}.
	 */
	void put(String key, InputStream content, long size);

	/** Replaces the user metadata of an existing object. */
	void putMetadata(String key, Map<String, String> userMetadata);

	Optional<StoredObject> stat(String key);

	/** Keys under a prefix, recursively. */
	List<String> list(String prefix);

	/** Deletes every object under a prefix. */
	void deletePrefix(String prefix);

	/**
	 * What the store says about one object.
	 *
	 * @param userMetadata user metadata, keys lowercase
	 * @param etag entity tag as the store reports it, quotes removed
	 */
	record StoredObject(String key, long size, Map<String, String> userMetadata, String etag) {

		public StoredObject {
			userMetadata = Map.copyOf(userMetadata);
		}

	}

}
