package io.caas.classes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of class-service form no cycle: every package's imports of another of our
 * packages are read from the sources, and no package may reach itself again.
 */
class PackageCyclesTest {

	private static final String ROOT = "io.caas.classes";

	private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

	private static final Pattern IMPORT = Pattern
		.compile("^import (?:static )?(io\\.caas\\.classes(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);

	@Test
	void noPackageReachesItselfThroughItsImports() throws IOException {
		Map<String, Set<String>> graph = graph(Path.of("src/main/java"));
		assertThat(graph).containsKeys(ROOT + ".session", ROOT + ".lifecycle", ROOT + ".roster");
		List<String> cycles = new ArrayList<>();
		for (String start : graph.keySet()) {
			if (reaches(graph, start, start, new HashSet<>())) {
				cycles.add(start + " -> " + graph.get(start));
			}
		}
		assertThat(cycles).as("packages on a cycle").isEmpty();
	}

	@Test
	void theLifecycleVocabularyDependsOnNoOtherPackageOfOurs() throws IOException {
		assertThat(graph(Path.of("src/main/java")).get(ROOT + ".lifecycle")).isEmpty();
	}

	private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
		for (String next : graph.getOrDefault(from, Set.of())) {
			if (next.equals(target)) {
				return true;
			}
			if (seen.add(next) && reaches(graph, next, target, seen)) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Set<String>> graph(Path sources) throws IOException {
		Map<String, Set<String>> graph = new TreeMap<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((p) -> p.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher pkg = PACKAGE.matcher(source);
				if (!pkg.find()) {
					continue;
				}
				Set<String> imports = graph.computeIfAbsent(pkg.group(1), (k) -> new TreeSet<>());
				Matcher imported = IMPORT.matcher(source);
				while (imported.find()) {
					if (!imported.group(1).equals(pkg.group(1))) {
						imports.add(imported.group(1));
					}
				}
			}
		}
		return graph;
	}

}
