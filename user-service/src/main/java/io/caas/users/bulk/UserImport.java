package io.caas.users.bulk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.users.credentials.Passwords;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Imports users all-or-nothing without transactions: every line is checked first (a dry
 * run stops there); then users are inserted one by one, and if one insert fails (someone
 * took a username meanwhile, the database went away) the users this import inserted are
 * deleted again. Imported users must change their password at first sign-in.
 */
@Service
class UserImport {

	private static final Logger log = LoggerFactory.getLogger(UserImport.class);

	private final UserRepository users;

	private final Passwords passwords;

	private final Clock clock;

	UserImport(UserRepository users, Passwords passwords) {
		this.users = users;
		this.passwords = passwords;
		this.clock = Clock.systemUTC();
	}

	ImportResult run(Identity who, String csv, boolean dryRun, String initialPassword) {
		Require.anyOf(who, Role.ADMIN);
		List<ImportRow> rows = ImportCsv.read(csv);
		if (rows.isEmpty()) {
			throw CaasException.badRequest("invalid-csv", "the CSV has a header but no user lines");
		}
		List<ImportError> errors = ImportRules.errors(rows, initialPassword, taken(rows));
		if (dryRun) {
			return new ImportResult(true, rows.size(), errors.isEmpty(), errors, List.of());
		}
		if (!errors.isEmpty()) {
			throw CaasException
				.badRequest("invalid-import",
						errors.size() + " line(s) are wrong (first: line " + errors.get(0).line() + ": "
								+ errors.get(0).message() + "); nothing was imported")
				.withProperty("errors", errors);
		}
		List<User> built = rows.parallelStream().map(row -> user(row, initialPassword)).toList();
		List<String> created = insertAll(built);
		log.info("users imported count={} by={}", created.size(), who.username());
		return new ImportResult(false, rows.size(), true, List.of(), created);
	}

	private Set<String> taken(List<ImportRow> rows) {
		Set<String> names = new HashSet<>();
		rows.forEach(r -> names.add(r.username()));
		Set<String> taken = new HashSet<>();
		this.users.findAllById(names).forEach(u -> taken.add(u.username()));
		return taken;
	}

	private User user(ImportRow row, String initialPassword) {
		String displayName = (row.displayName() == null || row.displayName().isBlank()) ? row.username()
				: row.displayName();
		return new User(row.username(), this.passwords.hash(ImportRules.password(row, initialPassword)),
				ImportRules.roles(row.roles()), displayName, true, this.clock.instant());
	}

	private List<String> insertAll(List<User> built) {
		List<String> inserted = new ArrayList<>();
		try {
			for (User user : built) {
				this.users.insert(user);
				inserted.add(user.username());
			}
			return inserted;
		}
		catch (RuntimeException ex) {
			this.users.deleteAllById(inserted);
			log.warn("user import undone: removed the {} user(s) it had inserted", inserted.size(), ex);
			if (ex instanceof DuplicateKeyException) {
				throw CaasException.conflict("user-exists",
						"a username of the import was taken while importing; nothing was imported");
			}
			throw ex;
		}
	}

}
