package io.caas.classes.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.caas.common.error.CaasException;
import io.caas.common.naming.Ids;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a roster from CSV (Jackson CSV): one student id per line, in the first column;
 * other columns are ignored. Cells are separated by commas, or by semicolons when the
 * first line uses those (spreadsheets in many locales). The first line may be a header
 * (skipped when its first cell is not a valid id or is a usual column name such as
 * {@code id} or {@code student}). Blank lines, a UTF-8 BOM, quoted cells and CRLF endings
 * are tolerated.
 */
final class RosterCsv {

	/** Header words that are also valid ids, so only recognisable by name. */
	private static final Set<String> HEADERS = Set.of("id", "student", "students", "studentid", "username", "user",
			"login");

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvReadFeature.WRAP_AS_ARRAY)
		.enable(CsvReadFeature.TRIM_SPACES)
		.enable(CsvReadFeature.SKIP_EMPTY_LINES)
		.build();

	private RosterCsv() {
	}

	/** Every non-blank, non-header line's first cell, numbered by its line. */
	static List<RosterRow> rows(String csv) {
		String text = (csv == null) ? "" : csv.replace("\uFEFF", "");
		List<RosterRow> rows = new ArrayList<>();
		CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator(text));
		boolean first = true;
		try (MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).with(schema).readValues(text)) {
			while (lines.hasNextValue()) {
				List<String> cells = lines.nextValue();
				int line = lines.parser().currentTokenLocation().getLineNr();
				String cell = (cells.isEmpty() || cells.get(0) == null) ? "" : cells.get(0).strip();
				if (cell.isEmpty()) {
					continue;
				}
				boolean header = first && isHeader(cell);
				first = false;
				if (!header) {
					rows.add(new RosterRow(line, cell));
				}
			}
		}
		catch (JacksonException ex) {
			throw CaasException.badRequest("invalid-csv", "the roster CSV cannot be read: " + ex.getOriginalMessage());
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

	/** ';' when the first line has one before any ',', else ','. */
	private static char separator(String text) {
		String firstLine = text.strip().lines().findFirst().orElse("");
		int semicolon = firstLine.indexOf(';');
		int comma = firstLine.indexOf(',');
		return (semicolon >= 0 && (comma < 0 || semicolon < comma)) ? ';' : ',';
	}

}
