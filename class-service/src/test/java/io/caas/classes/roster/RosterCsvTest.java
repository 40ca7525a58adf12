package io.caas.classes.roster;

import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterCsvTest {

	@Test
	void oneIdPerLine() {
		assertThat(RosterCsv.parse("student1\nstudent2\n")).containsExactly("student1", "student2");
	}

	@Test
	void headerAndOtherColumnsAreIgnored() {
		assertThat(RosterCsv.parse("studentId,name\nstudent1,Ada Lovelace\nstudent2,Alan Turing"))
			.containsExactly("student1", "student2");
		assertThat(RosterCsv.parse("id;name\nstudent1;Ada")).containsExactly("student1");
	}

	@Test
	void spreadsheetExportQuirksAreTolerated() {
		assertThat(RosterCsv.parse("\uFEFF\"Student\",\"Name\"\r\n\"student1\",\"Ada\"\r\n\r\n student2 \r\n"))
			.containsExactly("student1", "student2");
	}

	@Test
	void orderIsKept() {
		assertThat(RosterCsv.parse("s3\ns1\ns2")).containsExactly("s3", "s1", "s2");
	}

	@Test
	void emptyBodyIsAnEmptyRoster() {
		assertThat(RosterCsv.parse("")).isEmpty();
		assertThat(RosterCsv.parse("student\n")).isEmpty();
	}

	@Test
	void rosterCsvWhenAnIdIsInvalidThenNamesTheLine() {
		assertThatThrownBy(() -> RosterCsv.parse("student1\nStudent-2\n")).isInstanceOf(CaasException.class)
			.hasMessageContaining("line 2")
			.hasMessageContaining("'Student-2'");
	}

	@Test
	void rosterCsvWhenAnIdRepeatsThenRejects() {
		assertThatThrownBy(() -> RosterCsv.parse("student1\nstudent2\nstudent1"))
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.code()).isEqualTo("duplicate-student"))
			.hasMessageContaining("'student1'");
	}

}
