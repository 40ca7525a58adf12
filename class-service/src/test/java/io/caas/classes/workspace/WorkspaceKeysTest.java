package io.caas.classes.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkspaceKeysTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T07:30:01.234Z"), ZoneOffset.UTC);

	@Test
	void attemptIdIsUtcTimeThenSixHexChars() {
		String id = WorkspaceKeys.newAttemptId(CLOCK, new Random(1));

		assertThat(id).matches("^20261126T073001234Z-[0-9a-f]{6}$");
		assertThat(WorkspaceKeys.isAttempt(id)).isTrue();
	}

	@Test
	void attemptIdsOfTheSameMillisecondDiffer() {
		Random random = new Random(7);

		assertThat(WorkspaceKeys.newAttemptId(CLOCK, random)).isNotEqualTo(WorkspaceKeys.newAttemptId(CLOCK, random));
	}

	@Test
	void attemptPrefixIsClassSessionStudentAttempt() {
		assertThat(WorkspaceKeys.attempt("cs101", "20261124t231900z-k3x9", "student1", "20261126T073001234Z-0a1b2c"))
			.isEqualTo("cs101/20261124t231900z-k3x9/student1/20261126T073001234Z-0a1b2c/");
	}

	@Test
	void prefixWhenAnIdIsUnsafeThenRejects() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkspaceKeys.student("cs101", "../x", "student1"));
		assertThatIllegalArgumentException().isThrownBy(() -> WorkspaceKeys.student("cs101", null, "student1"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WorkspaceKeys.attempt("cs101", "s", "student1", "../20261126T073001234Z-0a1b2c"));
	}

	@Test
	void relativePathKeepsOnlyNamesInsideTheWorkspace() {
		assertThat(WorkspaceKeys.relativePath("workspace/src/Main.java", "workspace")).hasValue("src/Main.java");
		assertThat(WorkspaceKeys.relativePath("./workspace/a", "workspace")).hasValue("a");
		assertThat(WorkspaceKeys.relativePath("workspace/", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("workspace/../etc/passwd", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("/etc/passwd", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("other/a", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("workspace//a", "workspace")).isEmpty();
	}

}
