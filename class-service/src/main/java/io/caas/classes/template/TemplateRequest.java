package io.caas.classes.template;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.caas.common.error.CaasException;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * What an admin sends to create ({@code POST}, with {@code id}) or replace ({@code PUT})
 * a template. Absent fields take the runtime image's conventions and classroom defaults;
 * sizes are Spring notation ({@code 10GB}, {@code 512MB}), durations too ({@code 30m},
 * {@code 2h}, {@code 0} = never).
 */
record TemplateRequest(String id, @JsonAlias("name") String displayName, String image, Integer port,
		String workspacePath, String user, String memory, @JsonAlias("cpu") Double cpus,
		@JsonAlias("pids") Long pidsLimit, String diskLimit, String idleTimeout, Boolean internetEgress,
		String workspaceMaxSize, Integer workspaceMaxFiles, Editor editor) {

	static final Pattern ID = Pattern.compile("^[a-z0-9]{1,32}$");

	static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_./:@-]{0,199}$");

	static final Pattern PATH = Pattern.compile("^/[A-Za-z0-9_./-]*[^/]$");

	static final Pattern USER = Pattern.compile("^[0-9]{1,10}(:[0-9]{1,10})?$");

	private static final Pattern MEMORY = Pattern.compile(Template.MEMORY_RULE, Pattern.CASE_INSENSITIVE);

	/** The IDE's switches; absent ones take the classroom default. */
	record Editor(Boolean autoSave, Boolean aiChat, Boolean welcome) {

		EditorDefaults orDefaults() {
			EditorDefaults d = EditorDefaults.CLASSROOM;
			return new EditorDefaults((this.autoSave != null) ? this.autoSave : d.autoSave(),
					(this.aiChat != null) ? this.aiChat : d.aiChat(),
					(this.welcome != null) ? this.welcome : d.welcome());
		}

	}

	/**
	 * The stored form under {@code templateId}; a 400 {@code invalid-input} problem
	 * listing every bad field otherwise.
	 */
	TemplateDocument toDocument(String templateId, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "id", templateId != null && ID.matcher(templateId).matches(),
				"must be 1-32 lowercase letters or digits");
		check(errors, "displayName", !blank(this.displayName) && this.displayName.strip().length() <= 80,
				"must be 1-80 characters");
		check(errors, "image", !blank(this.image) && IMAGE.matcher(this.image).matches(),
				"must be an image reference such as repo/name:tag");
		int port = (this.port != null) ? this.port : 8080;
		check(errors, "port", port >= 1 && port <= 65535, "must be 1-65535");
		String workspace = orDefault(this.workspacePath, "/home/student/workspace");
		check(errors, "workspacePath", PATH.matcher(workspace).matches() && !workspace.contains(".."),
				"must be an absolute folder path");
		String runAs = orDefault(this.user, "1000");
		check(errors, "user", USER.matcher(runAs).matches(), "must be a uid or uid:gid");
		String mem = orDefault(this.memory, "1g");
		long memBytes = memoryBytes(mem);
		check(errors, "memory", memBytes >= 64L << 20 && memBytes <= 64L << 30, "must be 64m to 64g, e.g. 1g or 512m");
		double cpu = (this.cpus != null) ? this.cpus : 1;
		check(errors, "cpus", cpu >= 0.1 && cpu <= 16, "must be 0.1 to 16 cores");
		long pids = (this.pidsLimit != null) ? this.pidsLimit : 512;
		check(errors, "pidsLimit", pids >= 16 && pids <= 32768, "must be 16 to 32768");
		Long disk = parse(errors, "diskLimit", orDefault(this.diskLimit, Template.DEFAULT_DISK_LIMIT.toString()),
				DataSize::parse, DataSize::toBytes);
		check(errors, "diskLimit", disk == null || (disk >= 100L << 20 && disk <= 1L << 40), "must be 100MB to 1TB");
		Long idle = blank(this.idleTimeout) ? null
				: parse(errors, "idleTimeout", this.idleTimeout, DurationStyle::detectAndParse, Duration::toSeconds);
		check(errors, "idleTimeout", idle == null || (idle >= 0 && idle <= Duration.ofDays(7).toSeconds()),
				"must be 0 (never) to 7d");
		Long maxSize = parse(errors, "workspaceMaxSize", orDefault(this.workspaceMaxSize, "1GB"), DataSize::parse,
				DataSize::toBytes);
		check(errors, "workspaceMaxSize", maxSize == null || (maxSize > 0 && maxSize <= 1L << 40),
				"must be more than 0 and at most 1TB");
		int maxFiles = (this.workspaceMaxFiles != null) ? this.workspaceMaxFiles : Template.DEFAULT_WORKSPACE_MAX_FILES;
		check(errors, "workspaceMaxFiles", maxFiles >= 1 && maxFiles <= 1_000_000, "must be 1 to 1000000");
		if (!errors.isEmpty()) {
			throw CaasException
				.badRequest("invalid-input", "The template has invalid fields: " + String.join(", ", errors.keySet()))
				.withProperty("fields", errors);
		}
		return new TemplateDocument(templateId, this.displayName.strip(), this.image, port, workspace, runAs, mem, cpu,
				pids, disk, idle, (this.internetEgress != null) ? this.internetEgress : true, maxSize, maxFiles,
				(this.editor != null) ? this.editor.orDefaults() : EditorDefaults.CLASSROOM, TemplateDocument.ADMIN,
				now);
	}

	/**
	 * Docker's reading of a memory limit, as {@link Template#memoryBytes()}; -1 if
	 * unreadable.
	 */
	private static long memoryBytes(String memory) {
		if (!MEMORY.matcher(memory).matches()) {
			return -1;
		}
		return new Template("probe", "probe", "probe", 1, "/probe", "1", memory, 1, 1).memoryBytes();
	}

	private static <T> Long parse(Map<String, String> errors, String field, String text, Function<String, T> parser,
			Function<T, Long> toNumber) {
		try {
			return toNumber.apply(parser.apply(text.strip()));
		}
		catch (RuntimeException ex) {
			errors.put(field, "cannot be read: '" + text + "'");
			return null;
		}
	}

	private static void check(Map<String, String> errors, String field, boolean ok, String message) {
		if (!ok) {
			errors.putIfAbsent(field, message);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String orDefault(String value, String fallback) {
		return blank(value) ? fallback : value.strip();
	}

}
