package io.caas.classes.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caas.common.naming.Ids;

/**
 * The rules a roster can be checked against without the database: each id valid, none
 * twice, no more students than the capacity. Every bad row is reported, not just the
 * first.
 */
final class RosterCheck {

	private RosterCheck() {
	}

	static List<RowError> errors(List<RosterRow> rows, Integer capacity, boolean csv) {
		List<RowError> errors = new ArrayList<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (RosterRow row : rows) {
			String id = row.studentId();
			if (!Ids.isValid(id)) {
				errors.add(new RowError(row.row(), id, "invalid-input", csv ? RosterCsv.invalid(row) : "student id '"
						+ id + "' is invalid: use 1-32 lowercase letters or digits (no '-', no upper case)"));
			}
			else if (seen.containsKey(id)) {
				errors.add(new RowError(row.row(), id, "duplicate-student",
						"student id '" + id + "' is listed twice (first at row " + seen.get(id) + ")"));
			}
			else if (capacity != null && seen.size() >= capacity) {
				seen.put(id, row.row());
				errors.add(new RowError(row.row(), id, "over-capacity",
						"the class takes at most " + capacity + " students; this is number " + seen.size()));
			}
			else {
				seen.put(id, row.row());
			}
		}
		return errors;
	}

	/** JSON rosters are numbered by position, from 1. */
	static List<RosterRow> numbered(List<String> students) {
		List<RosterRow> rows = new ArrayList<>();
		for (int i = 0; i < students.size(); i++) {
			rows.add(new RosterRow(i + 1, students.get(i)));
		}
		return rows;
	}

}
