package io.caas.classes.roster;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import io.caas.classes.claim.ClassClaim;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.subject.SubjectService;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Changes what a class is (name, subject, template) after it was created, only while it
 * is CLOSED: an open class's runtimes were made from its template, and its students'
 * sections from its subject. The change is one conditional update on
 * {@code state = CLOSED}, under the roster lock so no enrolment into the class races the
 * subject check, and under the class's claim lock so no open claims the class between the
 * check and the write (the store does not isolate the two conditional updates). A subject
 * or template deleted while the change was written is undone, as at creation.
 */
@Component
class ClassEdits {

	private static final Logger log = LoggerFactory.getLogger(ClassEdits.class);

	private final ClassAccess access;

	private final ClassRoomRepository classes;

	private final ClassRoomUpdates updates;

	private final SubjectService subjects;

	private final TemplateCatalog templates;

	private final RosterLock lock;

	private final ClassClaim claim;

	private final Clock clock;

	ClassEdits(ClassAccess access, ClassRoomRepository classes, ClassRoomUpdates updates, SubjectService subjects,
			TemplateCatalog templates, RosterLock lock, ClassClaim claim, Clock clock) {
		this.access = access;
		this.classes = classes;
		this.updates = updates;
		this.subjects = subjects;
		this.templates = templates;
		this.lock = lock;
		this.claim = claim;
		this.clock = clock;
	}

	ClassRoom edit(Identity who, String classId, ClassEditRequest request) {
		this.access.manageable(who, classId);
		if (request.changesNothing()) {
			throw CaasException.badRequest("nothing-to-change", "give at least one of name, subject, templateId");
		}
		String name = (request.name() != null) ? request.name().strip() : null;
		if (name != null && name.isEmpty()) {
			throw CaasException.badRequest("invalid-name", "the class name must not be blank");
		}
		String subject = (request.subject() != null) ? this.subjects.require(request.subject().strip()).id() : null;
		String template = (request.templateId() != null) ? this.templates.require(request.templateId().strip()).id()
				: null;
		return this.lock.withLock(classId, () -> this.claim.claiming(classId, () -> {
			ClassRoom before = this.access.manageable(who, classId);
			requireClosed(before);
			if (subject != null && !subject.equals(before.subject())) {
				requireNoOtherSection(before, subject);
			}
			Update update = new Update().set("updatedAt", this.clock.instant()).inc("version", 1);
			if (name != null) {
				update.set("name", name);
			}
			if (subject != null) {
				update.set("subject", subject);
			}
			if (template != null) {
				update.set("templateId", template);
			}
			Query closed = Query.query(Criteria.where("_id").is(classId).and("state").is(ClassState.CLOSED));
			ClassRoom after = this.updates.updateIf(closed, update)
				.orElseThrow(() -> notClosed(this.access.manageable(who, classId)));
			undoIfVanished(before, after);
			log.info("class edited classId={} name={} subject={} templateId={} by={}", classId, after.name(),
					after.subject(), after.templateId(), who.username());
			return after;
		}));
	}

	private static void requireClosed(ClassRoom room) {
		if (room.state() != ClassState.CLOSED) {
			throw notClosed(room);
		}
	}

	private static CaasException notClosed(ClassRoom now) {
		if (now.state() != null && now.state().isTransient()) {
			return CaasException.conflict("class-busy",
					"class '" + now.id() + "' is opening or closing; try again later");
		}
		return CaasException.conflict("class-not-closed",
				"class '" + now.id() + "' is open; close it before changing its name, subject or template");
	}

	/** One active section per subject holds for the students already in the class. */
	private void requireNoOtherSection(ClassRoom room, String subject) {
		if (room.students().isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		TreeSet<String> taken = new TreeSet<>();
		for (ClassRoom other : this.classes.findSectionsWithAny(subject, room.id(), room.students())) {
			if (!other.section().hasEnded(now)) {
				other.students().stream().filter(room::isEnrolled).forEach(taken::add);
			}
		}
		if (!taken.isEmpty()) {
			throw CaasException.conflict("other-section", "students " + List.copyOf(taken)
					+ " are already in another class of subject '" + subject + "'; remove them first");
		}
	}

	/**
	 * A subject or template is deleted only while no class uses it: one deleted between
	 * our check and our update would leave this class pointing at nothing, so the change
	 * is put back and the caller gets the same 400 as for an unknown id.
	 */
	private void undoIfVanished(ClassRoom before, ClassRoom after) {
		boolean subjectGone = !Objects.equals(before.subject(), after.subject())
				&& this.subjects.find(after.subject()).isEmpty();
		boolean templateGone = !Objects.equals(before.templateId(), after.templateId())
				&& this.templates.find(after.templateId()).isEmpty();
		if (!subjectGone && !templateGone) {
			return;
		}
		this.updates.updateIf(Query.query(Criteria.where("_id").is(before.id())),
				new Update().set("name", before.name())
					.set("subject", before.subject())
					.set("templateId", before.templateId())
					.set("updatedAt", this.clock.instant())
					.inc("version", 1));
		throw subjectGone
				? CaasException.badRequest("unknown-subject",
						"subject '" + after.subject() + "' does not exist; see GET /api/subjects")
				: CaasException.badRequest("unknown-template",
						"template '" + after.templateId() + "' is not allowlisted; see GET /api/templates");
	}

}
