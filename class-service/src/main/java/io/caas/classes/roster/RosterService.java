package io.caas.classes.roster;

import java.time.Clock;
import java.util.List;

import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.subject.SubjectService;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.common.naming.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Creating classes and changing rosters. */
@Service
class RosterService {

	private static final Logger log = LoggerFactory.getLogger(RosterService.class);

	private final ClassRoomRepository classes;

	private final ClassRoomUpdates updates;

	private final ClassAccess access;

	private final TemplateCatalog templates;

	private final Clock clock;

	private final SubjectService subjects;

	private final RosterRules rules;

	private final RosterLock lock;

	private final ApplicationEventPublisher events;

	RosterService(ClassRoomRepository classes, ClassRoomUpdates updates, ClassAccess access, TemplateCatalog templates,
			Clock clock, SubjectService subjects, RosterRules rules, RosterLock lock,
			ApplicationEventPublisher events) {
		this.classes = classes;
		this.updates = updates;
		this.access = access;
		this.templates = templates;
		this.clock = clock;
		this.subjects = subjects;
		this.rules = rules;
		this.lock = lock;
		this.events = events;
	}

	ClassRoom create(Identity who, CreateClassRequest request) {
		Require.anyOf(who, Role.TEACHER, Role.ADMIN);
		Ids.require("class", request.classId());
		List<String> students = (request.students() != null) ? request.students() : List.of();
		this.templates.require(request.templateId());
		String subject = this.subjects.require(request.subject().trim()).id();
		Section section = request.section();
		this.rules.requireFits(section, students);
		ClassRoom room = new ClassRoom(request.classId(), request.name().trim(), subject, request.templateId(),
				who.username(), students, ClassState.CLOSED, null, null, this.clock.instant(), null, section);
		try {
			ClassRoom created = this.classes.insert(room);
			this.rules.undoIfSubjectVanished(created);
			log.info("class created classId={} teacher={} subject={} students={}", created.id(), created.teacher(),
					subject, students.size());
			if (!students.isEmpty()) {
				this.events.publishEvent(new ClassRosterChanged(created.id()));
			}
			return created;
		}
		catch (DuplicateKeyException ex) {
			throw CaasException.conflict("class-exists", "class '" + request.classId() + "' already exists");
		}
	}

	List<ClassRoom> list(Identity who) {
		if (who.isAdmin()) {
			return this.classes.findAll(Sort.by("id"));
		}
		if (who.has(Role.TEACHER)) {
			return this.classes.findByTeacherOrderByIdAsc(who.username());
		}
		return this.classes.findByStudent(who.username());
	}

	/**
	 * Replaces the roster unless a transition owns the class. Students added while the
	 * class is open get their IDE on the next UP; students removed keep theirs until
	 * DOWN, which still saves their workspace.
	 */
	ClassRoom replaceRoster(Identity who, String classId, List<RosterRow> rows, boolean csv) {
		List<String> roster = this.rules.require(this.access.manageable(who, classId), rows, csv);
		Query settled = Query
			.query(Criteria.where("_id").is(classId).and("state").in(ClassState.CLOSED, ClassState.OPEN));
		Update update = new Update().set("students", roster).set("updatedAt", this.clock.instant()).inc("version", 1);
		ClassRoom updated = this.lock.withLock(classId, () -> this.updates.updateIf(settled, update))
			.orElseThrow(() -> CaasException.conflict("class-busy",
					"class '" + classId + "' is opening or closing; try again later"));
		log.info("roster replaced classId={} students={} by={}", classId, roster.size(), who.username());
		this.events.publishEvent(new ClassRosterChanged(classId));
		return updated;
	}

	/** What {@link #replaceRoster} would do, writing nothing. */
	RosterPreview previewRoster(Identity who, String classId, List<RosterRow> rows, boolean csv) {
		return this.rules.preview(this.access.manageable(who, classId), rows, csv);
	}

}
