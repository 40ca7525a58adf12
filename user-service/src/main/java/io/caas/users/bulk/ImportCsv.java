package io.caas.users.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.caas.common.error.CaasException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads users from CSV with a header line naming the columns {@code username},
 * {@code displayName}, {@code roles}, {@code password} in any order and letter case
 * ({@code display name} and {@code display_name} work too). Blank lines and a UTF-8 BOM
 * are tolerated; unknown columns are ignored.
 */
final class ImportCsv {

	/** Most user lines one import takes; BCrypt makes each one cost tens of ms. */
	static final int MAX_ROWS = 1000;

	private static final CsvMapper CSV = CsvMapper.builder()
		.enable(CsvReadFeature.TRIM_SPACES)
		.enable(CsvReadFeature.SKIP_EMPTY_LINES)
		.build();

	private ImportCsv() {
	}

	static List<ImportRow> read(String csv) {
		String text = (csv == null) ? "" : csv.replace("\uFEFF", "");
		if (text.isBlank()) {
			throw CaasException.badRequest("invalid-csv", "the CSV is empty: expected a header line "
					+ "'username,displayName,roles,password' and one line per user");
		}
		List<ImportRow> rows = new ArrayList<>();
		try (MappingIterator<Map<String, String>> lines = CSV.readerFor(Map.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(text)) {
			while (lines.hasNextValue()) {
				Map<String, String> cells = normalise(lines.nextValue());
				if (rows.isEmpty() && !cells.containsKey("username")) {
					throw CaasException.badRequest("invalid-csv",
							"the header line must name a 'username' column (and 'roles', 'displayName', 'password')");
				}
				if (rows.size() == MAX_ROWS) {
					throw CaasException.badRequest("too-many-rows",
							"an import takes at most " + MAX_ROWS + " users; split the file");
				}
				int line = lines.parser().currentTokenLocation().getLineNr();
				rows.add(new ImportRow(line, cells.get("username"), cells.get("displayname"), cells.get("roles"),
						cells.get("password")));
			}
		}
		catch (JacksonException ex) {
			throw CaasException.badRequest("invalid-csv", "the CSV cannot be read: " + ex.getOriginalMessage());
		}
		return rows;
	}

	private static Map<String, String> normalise(Map<String, String> cells) {
		Map<String, String> out = new HashMap<>();
		cells.forEach((key, value) -> out.put(key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""),
				(value == null) ? "" : value.strip()));
		return out;
	}

}
