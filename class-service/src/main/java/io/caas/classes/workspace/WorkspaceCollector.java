package io.caas.classes.workspace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ContainerRuntimeException;
import io.caas.classes.template.Template;
import io.caas.classes.workspace.ArchiveEntries.Directory;
import io.caas.classes.workspace.ArchiveEntries.Inert;
import io.caas.classes.workspace.ArchiveEntries.Refused;
import io.caas.classes.workspace.ArchiveEntries.RegularFile;
import io.caas.classes.workspace.Manifest.FileEntry;
import io.caas.classes.workspace.Manifest.InertEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Collects a student's workspace into a new, immutable attempt, straight from the
 * engine's tar stream to the store (no file on disk): the archive is read in order while
 * small files go up concurrently within a byte budget ({@link UploadPipeline}) and larger
 * ones go up on the reading thread ({@link VerifiedUpload}). Every file is proven by the
 * store ({@link VerifiedUpload}), the listing must hold exactly those files with those
 * sizes, and only then is {@code manifest.json} written. Nothing is ever deleted or
 * overwritten: a failed attempt is left without manifest, i.e. incomplete.
 */
@Component
public class WorkspaceCollector {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ContainerRuntime runtime;

	private final ObjectStore store;

	private final Clock clock;

	private final UploadProperties uploads;

	private volatile boolean bucketReady;

	public WorkspaceCollector(ContainerRuntime runtime, ObjectStore store, Clock clock) {
		this(runtime, store, clock, UploadProperties.defaults());
	}

	@Autowired
	public WorkspaceCollector(ContainerRuntime runtime, ObjectStore store, Clock clock, UploadProperties uploads) {
		this.runtime = runtime;
		this.store = store;
		this.clock = clock;
		this.uploads = uploads;
	}

	/**
	 * Collects the (stopped) container's workspace; throws {@link CollectionException} or
	 * {@link StorageException} with the reason when the attempt is not complete.
	 */
	public Manifest collect(Target target) {
		if (!this.bucketReady) {
			this.store.ensureBucket();
			this.bucketReady = true;
		}
		Template template = target.template();
		String attemptId = WorkspaceKeys.newAttemptId(this.clock, ThreadLocalRandom.current());
		String prefix = WorkspaceKeys.attempt(target.classId(), target.sessionId(), target.studentId(), attemptId);
		String folder = template.workspaceFolderName();
		VerifiedUpload upload = new VerifiedUpload(this.store);
		List<FileEntry> files = new ArrayList<>();
		List<InertEntry> inert = new ArrayList<>();
		Map<String, byte[]> readBack = new HashMap<>();
		long bytes = 0;
		try (UploadPipeline pipeline = new UploadPipeline(this.store, this.uploads);
				InputStream archive = copyOut(target.containerId(), template.workspacePath());
				TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
			ArchiveEntries.rootProblem(tar.getNextEntry(), folder).ifPresent(problem -> {
				throw new CollectionException(problem);
			});
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				switch (ArchiveEntries.classify(entry, folder)) {
					case Directory d -> {
					}
					case Inert i -> inert.add(new InertEntry(i.path(), i.type(), i.target()));
					case Refused r -> throw new CollectionException("entry '" + r.name() + "' refused: " + r.reason());
					case RegularFile f -> {
						bytes += entry.getSize();
						checkLimits(template, files.size() + 1, bytes);
						String key = prefix + "files/" + f.path();
						byte[] sha256;
						if (pipeline.accepts(entry.getSize())) {
							sha256 = pipeline.submit(key, tar, (int) entry.getSize());
						}
						else if (entry.getSize() <= VerifiedUpload.SINGLE_PART_MAX) {
							sha256 = upload.single(key, tar, (int) entry.getSize());
						}
						else {
							sha256 = upload.stream(key, tar, entry.getSize());
							readBack.put(key, sha256);
						}
						files.add(new FileEntry(f.path(), entry.getSize(), VerifiedUpload.hex(sha256),
								entry.getMode() & 07777, entry.getModTime().toInstant()));
					}
				}
			}
			pipeline.awaitAll();
		}
		catch (IOException ex) {
			throw new CollectionException("read workspace archive: " + ex.getMessage(), ex);
		}
		verify(prefix, files, readBack, upload);
		Manifest manifest = new Manifest(target.classId(), target.sessionId(), target.studentId(), attemptId,
				this.clock.instant(), template.image(), template.id(), files.size(), bytes, files, inert);
		writeManifest(prefix, manifest);
		return manifest;
	}

	private InputStream copyOut(String containerId, String path) {
		try {
			return this.runtime.copyOut(containerId, path);
		}
		catch (ContainerRuntimeException ex) {
			throw new CollectionException("workspace " + path + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static void checkLimits(Template template, int files, long bytes) {
		if (files > template.workspaceMaxFiles()) {
			throw new CollectionException("workspace has more than " + template.workspaceMaxFiles()
					+ " files, the template limit; nothing was dropped, the runtime is kept");
		}
		if (bytes > template.workspaceMaxSize().toBytes()) {
			throw new CollectionException("workspace is larger than " + template.workspaceMaxSize()
					+ ", the template limit; nothing was dropped, the runtime is kept");
		}
	}

	/**
	 * The store must list exactly these files with these sizes; multipart ones read back.
	 */
	private void verify(String prefix, List<FileEntry> files, Map<String, byte[]> readBack, VerifiedUpload upload) {
		Map<String, Long> listed = new HashMap<>();
		for (ObjectStore.Listed object : this.store.list(prefix + "files/")) {
			listed.put(object.key(), object.size());
		}
		if (listed.size() != files.size()) {
			throw new CollectionException(
					"verify: store holds " + listed.size() + " files of this attempt, uploaded " + files.size());
		}
		for (FileEntry file : files) {
			String key = prefix + "files/" + file.path();
			Long size = listed.get(key);
			if (size == null || size != file.size()) {
				throw new CollectionException(
						"verify: " + file.path() + " is stored with " + size + " bytes, not " + file.size());
			}
		}
		try {
			for (Map.Entry<String, byte[]> large : readBack.entrySet()) {
				upload.readBack(large.getKey(), listed.get(large.getKey()), large.getValue());
			}
		}
		catch (IOException ex) {
			throw new CollectionException("verify: read back failed: " + ex.getMessage(), ex);
		}
	}

	private void writeManifest(String prefix, Manifest manifest) {
		byte[] json = JSON.writeValueAsBytes(manifest);
		this.store.put(prefix + WorkspaceKeys.MANIFEST, new ByteArrayInputStream(json), json.length,
				VerifiedUpload.sha256().digest(json));
	}

	/** Whose workspace, from which container, under which template. */
	public record Target(String classId, String sessionId, String studentId, String containerId, Template template) {
	}

}
