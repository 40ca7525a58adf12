package io.caas.classes.submission;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.caas.classes.workspace.IncompleteAttempts;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For operators (admins): a class's attempts without manifest older than a day (or
 * {@code olderThan}), i.e. collections that failed or were cut off. They are listed,
 * never deleted automatically.
 */
@RestController
class IncompleteController {

	private static final Duration MAX_AGE = Duration.ofDays(3650);

	private final IncompleteAttempts incomplete;

	private final Clock clock;

	IncompleteController(IncompleteAttempts incomplete, Clock clock) {
		this.incomplete = incomplete;
		this.clock = clock;
	}

	@GetMapping("/api/classes/{classId}/submissions/incomplete")
	IncompleteView list(Identity who, @PathVariable String classId,
			@RequestParam(defaultValue = "P1D") Duration olderThan) {
		Require.anyOf(who, Role.ADMIN);
		if (olderThan.isNegative() || olderThan.compareTo(MAX_AGE) > 0) {
			throw CaasException.badRequest("invalid-age", "olderThan must be between PT0S and P3650D");
		}
		return new IncompleteView(classId, olderThan,
				this.incomplete.startedBefore(classId, this.clock.instant().minus(olderThan)));
	}

	record IncompleteView(String classId, Duration olderThan, List<IncompleteAttempts.Incomplete> attempts) {
	}

}
