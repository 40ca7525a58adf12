package io.caas.classes.roster;

import java.util.List;

import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

	@Test
	void rosterWhenValidThenKeptInOrder() {
		assertThat(Roster.validate(List.of("b", "a", "c"))).containsExactly("b", "a", "c");
		assertThat(Roster.validate(null)).isEmpty();
	}

	@Test
	void rosterWhenOverTheCapThenRejectsTheSameForJsonAndCsv() {
		List<String> ids = java.util.stream.IntStream.rangeClosed(0, Roster.MAX_STUDENTS)
			.mapToObj(i -> "s" + i)
			.toList();
		assertThat(Roster.validate(ids.subList(0, Roster.MAX_STUDENTS))).hasSize(Roster.MAX_STUDENTS);
		assertThatThrownBy(() -> Roster.validate(ids)).isInstanceOfSatisfying(CaasException.class,
				ex -> assertThat(ex.code()).isEqualTo("roster-too-large"));
		assertThatThrownBy(() -> RosterCsv.parse(String.join("\n", ids))).isInstanceOfSatisfying(CaasException.class,
				ex -> assertThat(ex.code()).isEqualTo("roster-too-large"));
	}

	@Test
	void rosterWhenHasDuplicateIdThenRejects() {
		assertThatThrownBy(() -> Roster.validate(List.of("a", "b", "a"))).isInstanceOfSatisfying(CaasException.class,
				ex -> {
					assertThat(ex.status().value()).isEqualTo(400);
					assertThat(ex.getMessage()).contains("'a'");
				});
	}

	@Test
	void rosterWhenIdIsInvalidThenNamesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Roster.validate(List.of("ok", "not_ok")))
			.withMessageContaining("student id 'not_ok'");
	}

}
