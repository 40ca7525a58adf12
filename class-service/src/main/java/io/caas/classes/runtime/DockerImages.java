package io.caas.classes.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Image lookups for {@link DockerContainerRuntime}: an image's id, and one file of an
 * image read from a container created from it and never started.
 */
final class DockerImages {

	/** Larger image files are not read (null). */
	static final long MAX_BYTES = 64 * 1024;

	private DockerImages() {
	}

	static Optional<String> id(DockerClient docker, String image) {
		try {
			return Optional.ofNullable(docker.inspectImageCmd(image).exec().getId());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * One reader per installation and image reference, by name: a reader a crash left
	 * behind is removed by the next read of the same image.
	 */
	static String readerName(String installation, String image) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(image.getBytes(StandardCharsets.UTF_8));
			return installation + "-image-reader-" + HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Optional<ImageFile> readFile(DockerClient docker, String image, String path, Map<String, String> labels,
			String name) {
		removeQuietly(docker, name);
		String id;
		try {
			id = docker.createContainerCmd(image)
				.withName(name)
				.withLabels(labels)
				.withNetworkDisabled(true)
				.withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
				.exec()
				.getId();
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		try {
			String imageId = docker.inspectContainerCmd(id).exec().getImageId();
			return Optional.of(new ImageFile(imageId, single(docker, id, path)));
		}
		finally {
			removeQuietly(docker, id);
		}
	}

	/**
	 * The file at {@code path} of a container: the archive's first entry if it is a
	 * regular file of at most {@link #MAX_BYTES}, else null.
	 */
	private static byte[] single(DockerClient docker, String id, String path) {
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				docker.copyArchiveFromContainerCmd(id, path).exec())) {
			TarArchiveEntry entry = tar.getNextEntry();
			return (entry != null && entry.isFile() && entry.getSize() <= MAX_BYTES) ? tar.readAllBytes() : null;
		}
		catch (NotFoundException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new ContainerRuntimeException("read " + path + ": " + ex.getMessage(), ex);
		}
	}

	private static void removeQuietly(DockerClient docker, String idOrName) {
		try {
			docker.removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(true).exec();
		}
		catch (NotFoundException ex) {
			// nothing there
		}
	}

}
