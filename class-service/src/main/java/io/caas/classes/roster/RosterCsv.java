package io.caas.classes.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.caas.common.error.CaasException;
import io.caas.common.naming.Ids;

/**
 * Reads a roster from CSV: one student id per line, in the first column; other columns
 * are ignored. The first line may be a header (skipped when its first cell is not a valid
 * id or is a usual column name such as {@code id} or {@code student}). Blank lines, a
 * UTF-8 BOM, quotes around cells and CRLF endings are tolerated.
 */
final class RosterCsv {

	/** Header words that are also valid ids, so only recognisable by name. */
	private static final Set<String> HEADERS = Set.of("id", "student", "students", "studentid", "username", "user",
			"login");

	private RosterCsv() {
	}

	/** Every non-blank, non-header line's first cell, numbered by its line. */
	static List<RosterRow> rows(String csv) {
		List<RosterRow> rows = new ArrayList<>();
		String text = (csv == null) ? "" : csv.replace("\uFEFF", "");
		String[] lines = text.split("\r\n|\r|\n");
		boolean first = true;
		for (int i = 0; i < lines.length; i++) {
			String cell = firstCell(lines[i]);
			if (cell.isEmpty()) {
				continue;
			}
			boolean header = first && isHeader(cell);
			first = false;
			if (!header) {
				rows.add(new RosterRow(i + 1, cell));
			}
		}
		return rows;
	}

	static String invalid(RosterRow row) {
		return "line " + row.row() + ": student id '" + row.studentId()
				+ "' is invalid: use 1-32 lowercase letters or digits (no '-', no upper case)";
	}

	private static boolean isHeader(String cell) {
		return !Ids.isValid(cell) || HEADERS.contains(cell.toLowerCase(Locale.ROOT));
	}

	private static String firstCell(String line) {
		int comma = line.indexOf(',');
		int semicolon = line.indexOf(';');
		int end = line.length();
		if (comma >= 0) {
			end = comma;
		}
		if (semicolon >= 0 && semicolon < end) {
			end = semicolon;
		}
		String cell = line.substring(0, end).trim();
		if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
			cell = cell.substring(1, cell.length() - 1).trim();
		}
		return cell;
	}

}
