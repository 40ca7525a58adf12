package io.caas.users.bulk;

import java.util.List;

/**
 * What an import did (or, on a dry run, would do).
 *
 * @param dryRun whether nothing was written on purpose
 * @param rows user lines read
 * @param valid whether every line can be imported
 * @param errors every bad line; a real import with errors is refused as a whole
 * @param created usernames created (empty on a dry run)
 */
record ImportResult(boolean dryRun, int rows, boolean valid, List<ImportError> errors, List<String> created) {

}
