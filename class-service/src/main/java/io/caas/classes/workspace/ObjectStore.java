package io.caas.classes.workspace;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;

/**
 * The port in front of the S3 bucket that keeps collections. Failures are
 * {@link StorageException}s.
 */
public interface ObjectStore {

	/** Creates the bucket when missing. */
	void ensureBucket();

	/**
	 * Streams exactly {@code size} bytes to {@code key}; the store never closes
	 * {@code content}. When {@code sha256} is given the store computes the digest of what
	 * it received and refuses the object if they differ ({@code x-amz-checksum-sha256}).
	 */
	void put(String key, InputStream content, long size, byte[] sha256);

	/** The object's bytes; the caller closes the stream. */
	InputStream open(String key);

	/** Objects under a prefix, recursively, in key order. */
	List<Listed> list(String prefix);

	/** The next path segments under a prefix (S3 common prefixes), without the slash. */
	List<String> children(String prefix);

	/**
	 * Deletes the given objects. Only a retention policy calls this, never the collection
	 * path.
	 */
	void delete(Collection<String> keys);

	/** One object as a listing reports it. */
	record Listed(String key, long size) {
	}

}
