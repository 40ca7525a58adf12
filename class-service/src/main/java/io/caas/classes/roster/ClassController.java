package io.caas.classes.roster;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import io.caas.common.identity.Identity;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClassController {

	private final RosterService rosters;

	private final ClassAccess access;

	ClassController(RosterService rosters, ClassAccess access) {
		this.rosters = rosters;
		this.access = access;
	}

	@PostMapping("/api/classes")
	ResponseEntity<ClassView> create(Identity who, @Valid @RequestBody CreateClassRequest request) {
		ClassRoom created = this.rosters.create(who, request);
		return ResponseEntity.created(URI.create("/api/classes/" + created.id())).body(ClassView.of(created, who));
	}

	@GetMapping("/api/classes")
	List<ClassView> list(Identity who) {
		return this.rosters.list(who).stream().map(c -> ClassView.of(c, who)).toList();
	}

	@GetMapping("/api/classes/{classId}")
	ClassView get(Identity who, @PathVariable String classId) {
		return ClassView.of(this.access.visible(who, classId), who);
	}

	/** Replaces the roster; with {@code dryRun=true} answers a {@link RosterPreview}. */
	@PutMapping("/api/classes/{classId}/roster")
	Object replaceRoster(Identity who, @PathVariable String classId,
			@RequestParam(defaultValue = "false") boolean dryRun, @Valid @RequestBody RosterRequest request) {
		return roster(who, classId, RosterCheck.numbered(request.students()), false, dryRun);
	}

	/**
	 * Same as the PUT, from a spreadsheet export: the CSV replaces the roster. Access is
	 * checked before the CSV is parsed.
	 */
	@PostMapping(path = "/api/classes/{classId}/roster.csv", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	Object uploadRoster(Identity who, @PathVariable String classId,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestBody(required = false) String csv) {
		this.access.manageable(who, classId);
		return roster(who, classId, RosterCsv.rows(csv), true, dryRun);
	}

	private Object roster(Identity who, String classId, List<RosterRow> rows, boolean csv, boolean dryRun) {
		if (dryRun) {
			return this.rosters.previewRoster(who, classId, rows, csv);
		}
		return ClassView.of(this.rosters.replaceRoster(who, classId, rows, csv), who);
	}

}
