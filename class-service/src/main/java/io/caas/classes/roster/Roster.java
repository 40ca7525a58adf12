package io.caas.classes.roster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.caas.common.error.CaasException;
import io.caas.common.naming.Ids;

/** Roster rules: every id valid, no id twice, order kept. */
final class Roster {

	/** Largest roster, the same for JSON and CSV. */
	static final int MAX_STUDENTS = 500;

	private Roster() {
	}

	/** The roster as given, or a 400 problem naming the first bad or repeated id. */
	static List<String> validate(List<String> students) {
		if (students == null) {
			return List.of();
		}
		if (students.size() > MAX_STUDENTS) {
			throw CaasException.badRequest("roster-too-large",
					"a roster has at most " + MAX_STUDENTS + " students, got " + students.size());
		}
		Set<String> seen = new LinkedHashSet<>();
		for (String student : students) {
			Ids.require("student", student);
			if (!seen.add(student)) {
				throw CaasException.badRequest("duplicate-student", "student id '" + student + "' is listed twice");
			}
		}
		return List.copyOf(seen);
	}

}
