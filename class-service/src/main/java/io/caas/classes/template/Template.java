package io.caas.classes.template;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One allowlisted runtime a class can be opened with: everything that reaches Docker for
 * a student container comes from here, never from the request.
 *
 * @param id stable id a class refers to (lowercase letters and digits)
 * @param displayName name shown to teachers
 * @param image image the student containers run (must exist on the Docker host)
 * @param port port the IDE listens on inside the container (Traefik's target)
 * @param workspacePath absolute folder saved to object storage on close
 * @param user user the container runs as (uid or uid:gid)
 * @param memory memory limit, e.g. {@code 1g}, {@code 512m} or {@code 1GB}; also the swap
 * limit (no swap)
 * @param cpus CPU limit in cores, e.g. {@code 1} or {@code 0.5}
 * @param pidsLimit maximum number of processes in the container
 * @param internetEgress whether runtimes reach the internet (to install packages); off
 * puts each runtime on an internal network that only Traefik shares (exams)
 * @param workspaceMaxSize largest workspace a close collects; a bigger one keeps its
 * runtime, with the reason, and is never truncated
 * @param workspaceMaxFiles most files a close collects, likewise
 * @param diskLimit most disk a runtime may write (workspace, installed packages,
 * temporary files); the engine refuses writes beyond it, where its storage driver can
 * bound disks
 */
public record Template(@NotBlank @jakarta.validation.constraints.Pattern(regexp = "^[a-z0-9]{1,32}$") String id,
		@NotBlank String displayName, @NotBlank String image, @Min(1) @Max(65535) int port,
		@NotBlank @jakarta.validation.constraints.Pattern(regexp = "^/.*[^/]$") String workspacePath,
		@NotBlank String user,
		@NotBlank @jakarta.validation.constraints.Pattern(regexp = MEMORY_RULE,
				flags = jakarta.validation.constraints.Pattern.Flag.CASE_INSENSITIVE) String memory,
		@Positive double cpus, @Positive long pidsLimit, @DefaultValue("true") boolean internetEgress,
		@DefaultValue("1GB") DataSize workspaceMaxSize, @DefaultValue("50000") @Positive int workspaceMaxFiles,
		@DefaultValue("4GB") DataSize diskLimit) {

	/** Default workspace limits: 1 GiB and 50,000 files. */
	public static final DataSize DEFAULT_WORKSPACE_MAX_SIZE = DataSize.ofGigabytes(1);

	public static final int DEFAULT_WORKSPACE_MAX_FILES = 50_000;

	/** Default disk bound of a runtime: 4 GiB. */
	public static final DataSize DEFAULT_DISK_LIMIT = DataSize.ofGigabytes(4);

	@ConstructorBinding
	public Template {
		workspaceMaxSize = (workspaceMaxSize != null) ? workspaceMaxSize : DEFAULT_WORKSPACE_MAX_SIZE;
		diskLimit = (diskLimit != null) ? diskLimit : DEFAULT_DISK_LIMIT;
	}

	/** A template with internet egress and the default workspace limits. */
	public Template(String id, String displayName, String image, int port, String workspacePath, String user,
			String memory, double cpus, long pidsLimit) {
		this(id, displayName, image, port, workspacePath, user, memory, cpus, pidsLimit, true);
	}

	/** A template with the default workspace limits. */
	public Template(String id, String displayName, String image, int port, String workspacePath, String user,
			String memory, double cpus, long pidsLimit, boolean internetEgress) {
		this(id, displayName, image, port, workspacePath, user, memory, cpus, pidsLimit, internetEgress,
				DEFAULT_WORKSPACE_MAX_SIZE, DEFAULT_WORKSPACE_MAX_FILES);
	}

	/** A template with internet egress and the given workspace limits. */
	public Template(String id, String displayName, String image, int port, String workspacePath, String user,
			String memory, double cpus, long pidsLimit, DataSize workspaceMaxSize, int workspaceMaxFiles) {
		this(id, displayName, image, port, workspacePath, user, memory, cpus, pidsLimit, true, workspaceMaxSize,
				workspaceMaxFiles);
	}

	/** A template with the default disk bound. */
	public Template(String id, String displayName, String image, int port, String workspacePath, String user,
			String memory, double cpus, long pidsLimit, boolean internetEgress, DataSize workspaceMaxSize,
			int workspaceMaxFiles) {
		this(id, displayName, image, port, workspacePath, user, memory, cpus, pidsLimit, internetEgress,
				workspaceMaxSize, workspaceMaxFiles, DEFAULT_DISK_LIMIT);
	}

	static final String MEMORY_RULE = "^\\s*(\\d+)\\s*([kmgt]?)b?\\s*$";

	private static final Pattern MEMORY = Pattern.compile(MEMORY_RULE, Pattern.CASE_INSENSITIVE);

	/** The memory limit in bytes; units are binary, as Docker reads them. */
	public long memoryBytes() {
		Matcher m = MEMORY.matcher(this.memory);
		if (!m.matches()) {
			throw new IllegalStateException("template " + this.id + ": memory '" + this.memory + "' is invalid");
		}
		int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
			case "k" -> 10;
			case "m" -> 20;
			case "g" -> 30;
			case "t" -> 40;
			default -> 0;
		};
		return Long.parseLong(m.group(1)) << shift;
	}

	public long nanoCpus() {
		return Math.round(this.cpus * 1_000_000_000d);
	}

	/** Last folder of the workspace path: the root entry name of its tar archive. */
	public String workspaceFolderName() {
		return this.workspacePath.substring(this.workspacePath.lastIndexOf('/') + 1);
	}

}
