package io.caas.classes.workspace;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Uploads one file on the reading thread so that the store proves what it holds. A file
 * that fits one part is read into one reused buffer, hashed, and sent with its SHA-256
 * checksum, which the store validates and refuses on mismatch. A larger file is streamed
 * (multipart, hashed on the way) and then read back from the store and hashed again: what
 * the store returns must have the digest of what the archive gave. Small files go through
 * {@link UploadPipeline} instead, concurrently.
 */
final class VerifiedUpload {

	/** S3's minimum part size; the MinIO client uploads anything up to it in one part. */
	static final int SINGLE_PART_MAX = 5 * 1024 * 1024;

	private static final int READ_BUFFER = 64 * 1024;

	private final ObjectStore store;

	private final byte[] buffer = new byte[READ_BUFFER];

	private byte[] part;

	VerifiedUpload(ObjectStore store) {
		this.store = store;
	}

	/** Uploads a file of at most one part with its checksum; returns its SHA-256. */
	byte[] single(String key, InputStream archive, int size) throws IOException {
		if (this.part == null) {
			this.part = new byte[SINGLE_PART_MAX];
		}
		int n = archive.readNBytes(this.part, 0, size);
		if (n != size) {
			throw new CollectionException("archive ended inside " + key + " (" + n + " of " + size + " bytes)");
		}
		MessageDigest sha256 = sha256();
		sha256.update(this.part, 0, n);
		byte[] digest = sha256.digest();
		this.store.put(key, new ByteArrayInputStream(this.part, 0, n), size, digest);
		return digest;
	}

	/** Streams {@code size} bytes read from {@code archive}; returns their SHA-256. */
	byte[] stream(String key, InputStream archive, long size) {
		MessageDigest sha256 = sha256();
		Counting counted = new Counting(archive);
		this.store.put(key, new DigestInputStream(counted, sha256), size, null);
		if (counted.count != size) {
			throw new CollectionException("upload " + key + ": streamed " + counted.count + " of " + size + " bytes");
		}
		return sha256.digest();
	}

	/** Streams the object back from the store and fails unless it has this digest. */
	void readBack(String key, long size, byte[] expected) throws IOException {
		MessageDigest sha256 = sha256();
		long total = 0;
		try (InputStream in = this.store.open(key)) {
			int n;
			while ((n = in.read(this.buffer)) > 0) {
				sha256.update(this.buffer, 0, n);
				total += n;
			}
		}
		if (total != size || !Arrays.equals(sha256.digest(), expected)) {
			throw new CollectionException("verify: " + key + " read back " + total + " bytes with another sha256");
		}
	}

	static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts what the store read, and keeps the store from closing the archive. */
	private static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) {
			// skipping would upload bytes without digesting them
			return 0;
		}

		@Override
		public void close() {
		}

	}

}
