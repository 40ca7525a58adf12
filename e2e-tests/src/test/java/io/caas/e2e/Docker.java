package io.caas.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI, as an operator would use it to check what the stack did. */
final class Docker {

	private Docker() {
	}

	static String run(String... args) {
		List<String> command = new ArrayList<>();
		command.add("docker");
		command.addAll(Arrays.asList(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (InputStream in = process.getInputStream()) {
				in.transferTo(out);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
			}
			return out.toString(StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static List<String> idsWithLabel(String kind, String label) {
		String out = "container".equals(kind) ? run("ps", "-aq", "--filter", "label=" + label)
				: run("network", "ls", "-q", "--filter", "label=" + label);
		return out.isBlank() ? List.of() : List.of(out.split("\\s+"));
	}

	static String composeContainer(String project, String service) {
		List<String> ids = idsWithLabel("container", "com.docker.compose.project=" + project).stream()
			.filter(id -> run("inspect", "-f", "{{index .Config.Labels \"com.docker.compose.service\"}}", id)
				.equals(service))
			.toList();
		if (ids.size() != 1) {
			throw new IllegalStateException("expected one " + service + " container in " + project + ", got " + ids);
		}
		return ids.get(0);
	}

	static String networksOf(String container) {
		return run("inspect", "-f", "{{range $name, $n := .NetworkSettings.Networks}}{{$name}} {{end}}", container);
	}

}
