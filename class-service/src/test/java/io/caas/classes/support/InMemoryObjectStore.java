package io.caas.classes.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import io.caas.classes.workspace.ObjectStore;
import io.caas.classes.workspace.StorageException;

/** An object store in memory, with uploads that can be made to fail or lose bytes. */
public class InMemoryObjectStore implements ObjectStore {

	public final Map<String, Stored> objects = new ConcurrentSkipListMap<>();

	/** Keys containing any of these fail on upload. */
	public final Set<String> failPutContaining = ConcurrentHashMap.newKeySet();

	/**
	 * Keys containing any of these are stored one byte short, as a broken store might.
	 */
	public final Set<String> truncateContaining = ConcurrentHashMap.newKeySet();

	public volatile boolean bucketCreated;

	@Override
	public void ensureBucket() {
		this.bucketCreated = true;
	}

	@Override
	public void put(String key, InputStream content, long size) {
		if (this.failPutContaining.stream().anyMatch(key::contains)) {
			throw new StorageException("upload " + key + ": connection refused");
		}
		try {
			byte[] bytes = content.readNBytes((int) size);
			if (this.truncateContaining.stream().anyMatch(key::contains) && bytes.length > 0) {
				bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
			}
			this.objects.put(key, new Stored(bytes, Map.of()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void putMetadata(String key, Map<String, String> userMetadata) {
		Stored stored = this.objects.get(key);
		if (stored == null) {
			throw new StorageException("set metadata of " + key + ": NoSuchKey");
		}
		this.objects.put(key, new Stored(stored.bytes, Map.copyOf(userMetadata)));
	}

	@Override
	public Optional<StoredObject> stat(String key) {
		return Optional.ofNullable(this.objects.get(key))
			.map(s -> new StoredObject(key, s.bytes.length, s.metadata, md5(s.bytes)));
	}

	@Override
	public List<String> list(String prefix) {
		return this.objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
	}

	@Override
	public void deletePrefix(String prefix) {
		this.objects.keySet().removeIf(k -> k.startsWith(prefix));
	}

	public String text(String key) {
		return new String(this.objects.get(key).bytes, java.nio.charset.StandardCharsets.UTF_8);
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String md5(byte[] bytes) {
		try {
			return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Bytes and user metadata of one object. */
	public record Stored(byte[] bytes, Map<String, String> metadata) {
	}

}
