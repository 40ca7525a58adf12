package io.caas.classes.workspace;

import java.util.Optional;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * What a tar entry of a workspace archive is allowed to become. Only regular files with
 * safe names are stored as files; links, devices and FIFOs are recorded inert (their
 * targets never followed); anything else, or any unsafe name, is refused and fails the
 * student, so nothing is dropped silently.
 */
final class ArchiveEntries {

	private ArchiveEntries() {
	}

	/** Why the archive's first entry is not the workspace folder, or empty if it is. */
	static Optional<String> rootProblem(TarArchiveEntry first, String folder) {
		if (first == null) {
			return Optional.of("workspace archive is empty");
		}
		String name = first.getName().startsWith("./") ? first.getName().substring(2) : first.getName();
		if (!name.equals(folder + "/") && !name.equals(folder)) {
			return Optional.of("workspace archive starts with '" + first.getName() + "', not the workspace folder");
		}
		if (first.isSymbolicLink()) {
			return Optional.of("workspace root is a symlink to '" + first.getLinkName() + "', not a folder");
		}
		if (!first.isDirectory()) {
			return Optional.of("workspace root is not a folder (type " + (char) first.getLinkFlag() + ")");
		}
		return Optional.empty();
	}

	static Kind classify(TarArchiveEntry entry, String folder) {
		Optional<String> relative = WorkspaceKeys.relativePath(entry.getName(), folder);
		if (relative.isEmpty()) {
			return new Refused(entry.getName(), "unsafe name");
		}
		String path = relative.get();
		if (entry.isDirectory()) {
			return new Directory(path);
		}
		if (entry.isSymbolicLink()) {
			return new Inert(path, "symlink", entry.getLinkName());
		}
		if (entry.isLink()) {
			return new Inert(path, "hardlink",
					WorkspaceKeys.relativePath(entry.getLinkName(), folder).orElse(entry.getLinkName()));
		}
		if (entry.isCharacterDevice() || entry.isBlockDevice()) {
			return new Inert(path, "device", "");
		}
		if (entry.isFIFO()) {
			return new Inert(path, "fifo", "");
		}
		if (entry.isFile() && entry.getSize() >= 0) {
			return new RegularFile(path);
		}
		return new Refused(entry.getName(), "unsupported entry type " + (char) entry.getLinkFlag());
	}

	sealed interface Kind {

	}

	record Directory(String path) implements Kind {
	}

	record RegularFile(String path) implements Kind {
	}

	record Inert(String path, String type, String target) implements Kind {
	}

	record Refused(String name, String reason) implements Kind {
	}

}
