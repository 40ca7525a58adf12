package io.caas.common.naming;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdsTest {

	@ParameterizedTest
	@ValueSource(strings = { "a", "cs101", "student1", "0", "abcdefghijklmnopqrstuvwxyz012345" })
	void acceptsLowercaseDnsLabelsWithoutDash(String id) {
		assertThat(Ids.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "CS101", "cs-101", "cs_101", "a b", "abcdefghijklmnopqrstuvwxyz0123456", "é" })
	void rejectsAnythingThatCouldBreakAHostname(String id) {
		assertThat(Ids.isValid(id)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> Ids.require("class", id))
			.withMessageContaining("class id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "cs101", "x" })
	void ideHostnameJoinsClassAndStudentUnambiguously(String classId) {
		assertThat(Hostnames.ide(classId, "student1", "caas.localhost"))
			.isEqualTo(classId + "-student1-ide.caas.localhost");
	}

	@ParameterizedTest
	@ValueSource(ints = { 1024, 3000, 65535 })
	void previewHostnameNamesThePortAfterTheIds(int port) {
		assertThat(Hostnames.preview("cs101", "student1", port, "caas.localhost"))
			.isEqualTo("cs101-student1-p" + port + ".caas.localhost");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 65536 })
	void previewHostnameRefusesAPortOutOfRange(int port) {
		assertThatIllegalArgumentException().isThrownBy(() -> Hostnames.preview("cs101", "student1", port, "x"));
	}

}
