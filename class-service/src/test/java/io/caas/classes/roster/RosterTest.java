package io.caas.classes.roster;

import java.util.List;

import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

	@Test
	void rosterWhenOverTheCapThenRejectsTheSameForJsonAndCsv() {
		List<String> ids = java.util.stream.IntStream.rangeClosed(0, RosterRules.MAX_STUDENTS)
			.mapToObj(i -> "s" + i)
			.toList();
		assertThat(
				RosterRules.requireValid(null, RosterCheck.numbered(ids.subList(0, RosterRules.MAX_STUDENTS)), false))
			.hasSize(RosterRules.MAX_STUDENTS);
		assertThatThrownBy(() -> RosterRules.requireValid(null, RosterCheck.numbered(ids), false))
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.code()).isEqualTo("roster-too-large"));
		assertThatThrownBy(() -> RosterRules.requireValid(null, RosterCsv.rows(String.join("\n", ids)), true))
			.isInstanceOfSatisfying(CaasException.class, ex -> assertThat(ex.code()).isEqualTo("roster-too-large"));
	}

}
