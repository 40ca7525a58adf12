package io.caas.classes.runtime;

import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The engine's archive of one path, read as that one file. */
final class ImageFiles {

	private ImageFiles() {
	}

	/** Larger files are not read (null). */
	static final long MAX_BYTES = 64 * 1024;

	/**
	 * The bytes of the archive's first entry if it is a regular file of at most
	 * {@link #MAX_BYTES}, else null.
	 */
	static byte[] single(InputStream archive) {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
			TarArchiveEntry entry = tar.getNextEntry();
			return (entry != null && entry.isFile() && entry.getSize() <= MAX_BYTES) ? tar.readAllBytes() : null;
		}
		catch (IOException ex) {
			throw new ContainerRuntimeException("read an image file: " + ex.getMessage(), ex);
		}
	}

}
