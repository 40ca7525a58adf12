package io.caas.classes.roster;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RosterCheckTest {

	@Test
	void rosterWhenValidThenNoErrors() {
		assertThat(RosterCheck.errors(RosterCheck.numbered(List.of("a", "b")), 2, false)).isEmpty();
		assertThat(RosterCheck.errors(RosterCheck.numbered(List.of("a", "b")), null, false)).isEmpty();
	}

	@Test
	void rosterWhenSeveralRowsAreBadThenEachIsReportedWithItsRow() {
		List<RowError> errors = RosterCheck.errors(RosterCheck.numbered(List.of("a", "Bad-1", "a", "b", "c")), 2,
				false);
		assertThat(errors).extracting(RowError::row, RowError::studentId, RowError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Bad-1", "invalid-input"),
					org.assertj.core.groups.Tuple.tuple(3, "a", "duplicate-student"),
					org.assertj.core.groups.Tuple.tuple(5, "c", "over-capacity"));
		assertThat(errors.get(1).message()).contains("first at row 1");
	}

	@Test
	void csvRosterErrorsNameTheLine() {
		List<RowError> errors = RosterCheck.errors(RosterCsv.rows("student\nstudent1\n\nStudent-2\n"), null, true);
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.row()).isEqualTo(4);
			assertThat(e.message()).startsWith("line 4: student id 'Student-2'");
		});
	}

}
