package io.caas.classes.workspace;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafePathsTest {

	@ParameterizedTest
	@ValueSource(strings = { "a.txt", "src/Main.java", "a b/c-d_e.f", "..a/b..", "ünïcode/名前.txt" })
	void isSafeWhenSegmentsArePlainThenTrue(String path) {
		assertThat(SafePaths.isSafe(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", "..", ".", "a\\..\\b",
			"a\nb", "a\u0000b" })
	void isSafeWhenPathCouldEscapeOrIsAmbiguousThenFalse(String path) {
		assertThat(SafePaths.isSafe(path)).isFalse();
	}

}
