package io.caas.users.bulk;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserImportController {

	/** The API contract's limit for CSV imports. */
	static final int MAX_BYTES = 1024 * 1024;

	private final UserImport imports;

	UserImportController(UserImport imports) {
		this.imports = imports;
	}

	/**
	 * {@code POST /api/users/import} (admin, {@code text/csv}): 201 with the usernames
	 * created, or with {@code dryRun=true} 200 with every bad line and nothing written.
	 * {@code initialPassword} is used for lines with an empty password column.
	 */
	@PostMapping(path = "/api/users/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<ImportResult> importUsers(Identity who, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) String initialPassword, @RequestBody(required = false) String csv) {
		if (csv != null && csv.length() > MAX_BYTES) {
			throw new CaasException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "a CSV import is at most 1 MiB");
		}
		ImportResult result = this.imports.run(who, csv, dryRun, initialPassword);
		return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).body(result);
	}

}
