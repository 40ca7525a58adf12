package io.caas.classes.roster;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.caas.classes.subject.SubjectService;
import io.caas.common.error.CaasException;

import org.springframework.stereotype.Component;

/**
 * Roster rules that need the class and the database: capacity, and the one active section
 * per subject rule, which a teacher's roster is warned about (students choosing for
 * themselves are held to it, see the enrolment package).
 */
@Component
class RosterRules {

	/** Longest roster, JSON or CSV (also the most a capacity can be). */
	static final int MAX_STUDENTS = 500;

	private final ClassRoomRepository classes;

	private final SubjectService subjects;

	private final Clock clock;

	RosterRules(ClassRoomRepository classes, SubjectService subjects, Clock clock) {
		this.classes = classes;
		this.subjects = subjects;
		this.clock = clock;
	}

	RosterPreview preview(ClassRoom room, List<RosterRow> rows, boolean csv) {
		refuseIfTooLong(rows);
		List<RowError> errors = RosterCheck.errors(rows, room.section().capacity(), csv);
		Set<Integer> bad = new HashSet<>();
		errors.forEach(e -> bad.add(e.row()));
		List<RosterRow> good = rows.stream().filter(r -> !bad.contains(r.row())).toList();
		return new RosterPreview(room.id(), true, errors.isEmpty(), good.stream().map(RosterRow::studentId).toList(),
				errors, otherSections(room, good));
	}

	/** The roster to store, or a 400 problem with the first error and all of them. */
	List<String> require(ClassRoom room, List<RosterRow> rows, boolean csv) {
		return requireValid(room.section().capacity(), rows, csv);
	}

	/** A new class's roster must fit its capacity. */
	void requireFits(Section section, List<String> students) {
		requireValid(section.capacity(), RosterCheck.numbered(students), false);
	}

	static List<String> requireValid(Integer capacity, List<RosterRow> rows, boolean csv) {
		refuseIfTooLong(rows);
		List<RowError> errors = RosterCheck.errors(rows, capacity, csv);
		if (!errors.isEmpty()) {
			RowError first = errors.get(0);
			throw CaasException.badRequest(first.code(), first.message()).withProperty("errors", errors);
		}
		return rows.stream().map(RosterRow::studentId).toList();
	}

	/**
	 * JSON and CSV rosters alike: longer ones are refused whole, before any row check.
	 */
	private static void refuseIfTooLong(List<RosterRow> rows) {
		if (rows.size() > MAX_STUDENTS) {
			throw CaasException.badRequest("roster-too-large",
					"a roster holds at most " + MAX_STUDENTS + " students; this one has " + rows.size());
		}
	}

	/**
	 * Removes a just-created class whose subject was deleted meanwhile (the mirror of the
	 * subject's own in-use re-check), answering 400.
	 */
	void undoIfSubjectVanished(ClassRoom created) {
		if (this.subjects.find(created.subject()).isEmpty()) {
			this.classes.deleteById(created.id());
			this.subjects.require(created.subject());
		}
	}

	private List<RowError> otherSections(ClassRoom room, List<RosterRow> rows) {
		if (room.subject() == null || room.subject().isBlank() || rows.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		Map<String, String> sectionOf = new HashMap<>();
		List<String> ids = rows.stream().map(RosterRow::studentId).toList();
		for (ClassRoom other : this.classes.findSectionsWithAny(room.subject(), room.id(), ids)) {
			if (!other.section().hasEnded(now)) {
				other.students().forEach(s -> sectionOf.putIfAbsent(s, other.id()));
			}
		}
		return rows.stream()
			.filter(r -> sectionOf.containsKey(r.studentId()))
			.map(r -> new RowError(r.row(), r.studentId(), "other-section",
					"student '" + r.studentId() + "' is already in class '" + sectionOf.get(r.studentId())
							+ "' of subject '" + room.subject() + "'"))
			.sorted(Comparator.comparingInt(RowError::row))
			.toList();
	}

}
