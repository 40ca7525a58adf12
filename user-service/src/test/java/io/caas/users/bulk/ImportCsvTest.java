package io.caas.users.bulk;

import java.util.List;
import java.util.Set;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportCsvTest {

	@Test
	void importCsvReadsColumnsByHeaderInAnyOrderAndCase() {
		List<ImportRow> rows = ImportCsv
			.read("\uFEFFRoles, Display Name,USERNAME,password\r\nstudent,Ada Lovelace,ada,first-pass\r\n\r\n"
					+ "teacher;admin,\"Turing, Alan\",alan,\n");
		assertThat(rows).containsExactly(new ImportRow(2, "ada", "Ada Lovelace", "student", "first-pass"),
				new ImportRow(4, "alan", "Turing, Alan", "teacher;admin", ""));
	}

	@Test
	void importCsvWithoutUsernameColumnIsRejected() {
		assertThatThrownBy(() -> ImportCsv.read("name,roles\nada,student\n"))
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.code()).isEqualTo("invalid-csv"))
			.hasMessageContaining("'username'");
		assertThatThrownBy(() -> ImportCsv.read("  \n")).hasMessageContaining("empty");
	}

	@Test
	void importCsvOverTheRowLimitIsRejected() {
		StringBuilder csv = new StringBuilder("username,roles\n");
		for (int i = 0; i <= ImportCsv.MAX_ROWS; i++) {
			csv.append("u").append(i).append(",student\n");
		}
		assertThatThrownBy(() -> ImportCsv.read(csv.toString())).isInstanceOfSatisfying(CaasException.class,
				ex -> assertThat(ex.code()).isEqualTo("too-many-rows"));
	}

	@Test
	void importRulesReportEveryBadLine() {
		List<ImportRow> rows = List.of(new ImportRow(2, "ada", "Ada", "student", ""),
				new ImportRow(3, "Bad-Name", "", "student", "long-enough"), new ImportRow(4, "ada", "", "student", ""),
				new ImportRow(5, "bob", "", "janitor", "short"), new ImportRow(6, "taken", "", "teacher", ""));
		List<ImportError> errors = ImportRules.errors(rows, "initial-pass", Set.of("taken"));
		assertThat(errors).extracting(ImportError::line, ImportError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "invalid-username"),
					org.assertj.core.groups.Tuple.tuple(4, "duplicate-username"),
					org.assertj.core.groups.Tuple.tuple(5, "invalid-role"),
					org.assertj.core.groups.Tuple.tuple(5, "invalid-password"),
					org.assertj.core.groups.Tuple.tuple(6, "user-exists"));
	}

	@Test
	void importRulesNeedAPasswordFromTheLineOrTheRequest() {
		List<ImportRow> rows = List.of(new ImportRow(2, "ada", "", "student", ""));
		assertThat(ImportRules.errors(rows, null, Set.of())).extracting(ImportError::code)
			.containsExactly("missing-password");
		assertThat(ImportRules.errors(rows, "initial-pass", Set.of())).isEmpty();
	}

	@Test
	void rolesCellTakesSeveralSeparators() {
		assertThat(ImportRules.roles("Teacher; admin")).containsExactlyInAnyOrder(Role.TEACHER, Role.ADMIN);
		assertThat(ImportRules.roles("student|teacher")).containsExactlyInAnyOrder(Role.STUDENT, Role.TEACHER);
		assertThat(ImportRules.roles("")).isNull();
		assertThat(ImportRules.roles("student;root")).isNull();
	}

}
