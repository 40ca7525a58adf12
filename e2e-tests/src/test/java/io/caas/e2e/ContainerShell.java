package io.caas.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell command inside a container ({@code docker exec}) and keeps its exit code:
 * the hostile-case tests need failures as results, not exceptions.
 */
final class ContainerShell {

	private ContainerShell() {
	}

	static Result sh(String container, String user, String script, String... args) {
		List<String> command = new ArrayList<>(List.of("docker", "exec"));
		if (user != null) {
			command.addAll(List.of("--user", user));
		}
		command.addAll(List.of(container, "bash", "-c", script, "probe"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (InputStream in = process.getInputStream()) {
				in.transferTo(out);
			}
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, "timed out: " + out.toString(StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8).trim());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Result(int exitCode, String output) {

		boolean ok() {
			return this.exitCode == 0;
		}

	}

}
