package io.caas.classes.roster;

import java.util.List;

/**
 * Answer of a roster dry run: nothing was written.
 *
 * @param classId the class
 * @param dryRun always true
 * @param valid whether the real request would be taken
 * @param students the roster the real request would set (bad rows left out)
 * @param errors rows that make the real request fail
 * @param warnings rows the real request takes but a person should look at (a student
 * already in another active section of the same subject)
 */
record RosterPreview(String classId, boolean dryRun, boolean valid, List<String> students, List<RowError> errors,
		List<RowError> warnings) {

}
