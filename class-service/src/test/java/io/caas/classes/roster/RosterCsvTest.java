package io.caas.classes.roster;

import java.util.List;

import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterCsvTest {

	/** What a real upload keeps: the ids, or the first error as the 400 problem. */
	private static List<String> parse(String csv) {
		return RosterRules.requireValid(null, RosterCsv.rows(csv), true);
	}

	@Test
	void oneIdPerLine() {
		assertThat(parse("student1\nstudent2\n")).containsExactly("student1", "student2");
	}

	@Test
	void headerAndOtherColumnsAreIgnored() {
		assertThat(parse("studentId,name\nstudent1,Ada Lovelace\nstudent2,Alan Turing")).containsExactly("student1",
				"student2");
		assertThat(parse("id;name\nstudent1;Ada")).containsExactly("student1");
	}

	@Test
	void spreadsheetExportQuirksAreTolerated() {
		assertThat(parse("\uFEFF\"Student\",\"Name\"\r\n\"student1\",\"Ada\"\r\n\r\n student2 \r\n"))
			.containsExactly("student1", "student2");
	}

	@Test
	void quotedCellsMayHoldTheSeparator() {
		assertThat(parse("student,name\n\"student1\",\"Lovelace, Ada\"\nstudent2,\"Turing; Alan\"\n"))
			.containsExactly("student1", "student2");
	}

	@Test
	void lineNumbersCountBlankLinesToo() {
		assertThatThrownBy(() -> parse("student\n\nstudent1\n\nBad-1\n")).hasMessageContaining("line 5");
	}

	@Test
	void orderIsKept() {
		assertThat(parse("s3\ns1\ns2")).containsExactly("s3", "s1", "s2");
	}

	@Test
	void emptyBodyIsAnEmptyRoster() {
		assertThat(parse("")).isEmpty();
		assertThat(parse("student\n")).isEmpty();
	}

	@Test
	void rosterCsvWhenAnIdIsInvalidThenNamesTheLine() {
		assertThatThrownBy(() -> parse("student1\nStudent-2\n")).isInstanceOf(CaasException.class)
			.hasMessageContaining("line 2")
			.hasMessageContaining("'Student-2'");
	}

	@Test
	void rosterCsvWhenAnIdRepeatsThenRejects() {
		assertThatThrownBy(() -> parse("student1\nstudent2\nstudent1"))
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.code()).isEqualTo("duplicate-student"))
			.hasMessageContaining("'student1'");
	}

	@Test
	void rosterCsvLongerThanTheCapIsRefusedWhole() {
		String csv = "s\n".repeat(RosterRules.MAX_STUDENTS) + "t\n";
		assertThatThrownBy(() -> parse(csv)).isInstanceOfSatisfying(CaasException.class,
				ex -> assertThat(ex.code()).isEqualTo("roster-too-large"));
	}

}
