package io.caas.classes.runtime;

import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The engine's archive of one path, read as that one file. */
final class ImageFiles {

	private ImageFiles() {
	}

	/** The bytes of the archive's first entry if it is a regular file, else null. */
	static byte[] single(InputStream archive) {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
			TarArchiveEntry entry = tar.getNextEntry();
			return (entry != null && entry.isFile()) ? tar.readAllBytes() : null;
		}
		catch (IOException ex) {
			throw new ContainerRuntimeException("read an image file: " + ex.getMessage(), ex);
		}
	}

}
