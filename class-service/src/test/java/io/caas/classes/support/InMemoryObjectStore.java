package io.caas.classes.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.caas.classes.workspace.ObjectStore;
import io.caas.classes.workspace.StorageException;

/**
 * An object store in memory that validates checksums as S3 does, with uploads that can be
 * made to fail or lose bytes.
 */
public class InMemoryObjectStore implements ObjectStore {

	public final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

	/** Keys containing any of these fail on upload. */
	public final Set<String> failPutContaining = ConcurrentHashMap.newKeySet();

	/**
	 * Keys containing any of these are stored one byte short, as a broken store might.
	 */
	public final Set<String> truncateContaining = ConcurrentHashMap.newKeySet();

	/** Keys that were ever deleted. */
	public final Set<String> deleted = ConcurrentHashMap.newKeySet();

	public volatile boolean bucketCreated;

	@Override
	public void ensureBucket() {
		this.bucketCreated = true;
	}

	@Override
	public void put(String key, InputStream content, long size, byte[] sha256) {
		if (this.failPutContaining.stream().anyMatch(key::contains)) {
			throw new StorageException("upload " + key + ": connection refused");
		}
		if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
			throw new StorageException("upload " + key + ": KeyTooLongError");
		}
		try {
			byte[] bytes = content.readNBytes((int) size);
			if (this.truncateContaining.stream().anyMatch(key::contains) && bytes.length > 0) {
				bytes = Arrays.copyOf(bytes, bytes.length - 1);
			}
			if (sha256 != null && !Arrays.equals(sha256, digest(bytes))) {
				throw new StorageException("upload " + key + ": XAmzContentChecksumMismatch");
			}
			if (this.objects.containsKey(key)) {
				throw new AssertionError("overwrite of " + key);
			}
			this.objects.put(key, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public InputStream open(String key) {
		byte[] bytes = this.objects.get(key);
		if (bytes == null) {
			throw new StorageException("read " + key + ": NoSuchKey");
		}
		return new ByteArrayInputStream(bytes);
	}

	@Override
	public List<Listed> list(String prefix) {
		return this.objects.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(prefix))
			.map(e -> new Listed(e.getKey(), e.getValue().length))
			.toList();
	}

	@Override
	public List<String> children(String prefix) {
		TreeSet<String> names = new TreeSet<>();
		for (String key : this.objects.keySet()) {
			if (key.startsWith(prefix) && key.indexOf('/', prefix.length()) > 0) {
				names.add(key.substring(prefix.length(), key.indexOf('/', prefix.length())));
			}
		}
		return new ArrayList<>(names);
	}

	@Override
	public void delete(Collection<String> keys) {
		keys.forEach(this.objects::remove);
		this.deleted.addAll(keys);
	}

	/** Keys under a prefix, for assertions. */
	public List<String> keys(String prefix) {
		return this.objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
	}

	public String text(String key) {
		return new String(this.objects.get(key), StandardCharsets.UTF_8);
	}

	public static String sha256(String text) {
		return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
