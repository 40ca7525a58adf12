package io.caas.classes.roster;

import java.time.Clock;

import jakarta.validation.Valid;

import io.caas.classes.lifecycle.ClassState;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes a class's section settings. A capacity below the students already enrolled is
 * refused in the same conditional update that sets it, so a join racing the change cannot
 * slip past the new limit.
 */
@RestController
class SectionController {

	private static final Logger log = LoggerFactory.getLogger(SectionController.class);

	private final ClassAccess access;

	private final ClassRoomUpdates updates;

	private final RosterLock lock;

	private final Clock clock;

	SectionController(ClassAccess access, ClassRoomUpdates updates, RosterLock lock, Clock clock) {
		this.access = access;
		this.updates = updates;
		this.lock = lock;
		this.clock = clock;
	}

	@PutMapping("/api/classes/{classId}/section")
	ClassView update(Identity who, @PathVariable String classId, @Valid @RequestBody SectionRequest request) {
		this.access.manageable(who, classId);
		Section section = request.section();
		Criteria filter = Criteria.where("_id").is(classId).and("state").in(ClassState.CLOSED, ClassState.OPEN);
		if (section.capacity() != null) {
			filter = filter.and("students." + section.capacity()).exists(false);
		}
		Update update = new Update().set("section", section).set("updatedAt", this.clock.instant()).inc("version", 1);
		Query query = Query.query(filter);
		ClassRoom updated = this.lock.withLock(classId, () -> this.updates.updateIf(query, update))
			.orElseThrow(() -> refusal(this.access.manageable(who, classId)));
		log.info("section changed classId={} capacity={} selfEnrol={} by={}", classId, section.capacity(),
				section.selfEnrol(), who.username());
		return ClassView.of(updated, who);
	}

	private static CaasException refusal(ClassRoom now) {
		if (now.state() != null && now.state().isTransient()) {
			return CaasException.conflict("class-busy",
					"class '" + now.id() + "' is opening or closing; try again later");
		}
		return CaasException.conflict("over-capacity", "class '" + now.id() + "' already has " + now.students().size()
				+ " students; remove some before lowering the capacity");
	}

}
