package io.caas.classes.workspace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkspaceKeysTest {

	@Test
	void prefixFollowsTheContract() {
		assertThat(WorkspaceKeys.prefix("cs101", "20261124t231900z-k3x9", "student1"))
			.isEqualTo("cs101/20261124t231900z-k3x9/student1/");
	}

	@Test
	void prefixWhenSessionCouldEscapeThenRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkspaceKeys.prefix("cs101", "../x", "student1"));
		assertThatIllegalArgumentException().isThrownBy(() -> WorkspaceKeys.prefix("cs101", null, "student1"));
	}

	@Test
	void entryLosesTheWorkspaceFolder() {
		assertThat(WorkspaceKeys.relativePath("workspace/src/Main.java", "workspace")).contains("src/Main.java");
		assertThat(WorkspaceKeys.relativePath("./workspace/a.txt", "workspace")).contains("a.txt");
	}

	@Test
	void entryOutsideOrEscapingTheWorkspaceIsRefused() {
		assertThat(WorkspaceKeys.relativePath("workspace/", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("other/a.txt", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("workspace/../etc/passwd", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("workspace/a/./b", "workspace")).isEmpty();
		assertThat(WorkspaceKeys.relativePath("workspacex/a", "workspace")).isEmpty();
	}

}
