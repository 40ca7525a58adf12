package io.caas.classes.subject;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.Require;
import io.caas.common.identity.Role;
import io.caas.common.naming.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Subjects: admins write, everyone reads. A subject some class belongs to cannot be
 * deleted. Without transactions the in-use check is made twice: before deleting, and
 * again after, putting the subject back if a class was created in between (class creation
 * makes the mirror check, so a class never outlives its subject).
 */
@Service
public class SubjectService {

	private static final Logger log = LoggerFactory.getLogger(SubjectService.class);

	private final SubjectRepository subjects;

	private final MongoTemplate mongo;

	private final SubjectUsage usage;

	private final Clock clock;

	SubjectService(SubjectRepository subjects, MongoTemplate mongo, SubjectUsage usage, Clock clock) {
		this.subjects = subjects;
		this.mongo = mongo;
		this.usage = usage;
		this.clock = clock;
	}

	public List<Subject> all() {
		return this.subjects.findAllByOrderByIdAsc();
	}

	public Optional<Subject> find(String subjectId) {
		return (subjectId == null) ? Optional.empty() : this.subjects.findById(subjectId);
	}

	/** The subject, or a 400 problem naming the unknown id. */
	public Subject require(String subjectId) {
		return find(subjectId).orElseThrow(() -> CaasException.badRequest("unknown-subject",
				"subject '" + subjectId + "' does not exist; see GET /api/subjects"));
	}

	/** Creates the subject unless it exists (demo data); true if this call created it. */
	public boolean seed(String subjectId, String name) {
		if (this.subjects.existsById(subjectId)) {
			return false;
		}
		try {
			this.subjects.insert(new Subject(subjectId, name, null, this.clock.instant()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	Subject create(Identity who, SubjectRequest request) {
		Require.anyOf(who, Role.ADMIN);
		Ids.require("subject", request.subjectId());
		Subject subject = new Subject(request.subjectId(), request.name().strip(), request.trimmedDescription(),
				this.clock.instant());
		try {
			Subject created = this.subjects.insert(subject);
			log.info("subject created subjectId={} by={}", created.id(), who.username());
			return created;
		}
		catch (DuplicateKeyException ex) {
			throw CaasException.conflict("subject-exists", "subject '" + request.subjectId() + "' already exists");
		}
	}

	Subject update(Identity who, String subjectId, SubjectRequest request) {
		Require.anyOf(who, Role.ADMIN);
		Update update = new Update().set("name", request.name().strip())
			.set("description", request.trimmedDescription())
			.set("updatedAt", this.clock.instant());
		long changed = this.mongo.updateFirst(Query.query(Criteria.where("_id").is(subjectId)), update, Subject.class)
			.getMatchedCount();
		if (changed == 0) {
			throw CaasException.notFound("subject", subjectId);
		}
		return this.subjects.findById(subjectId).orElseThrow(() -> CaasException.notFound("subject", subjectId));
	}

	void delete(Identity who, String subjectId) {
		Require.anyOf(who, Role.ADMIN);
		Subject subject = this.subjects.findById(subjectId)
			.orElseThrow(() -> CaasException.notFound("subject", subjectId));
		refuseIfUsed(subjectId);
		this.subjects.deleteById(subjectId);
		try {
			refuseIfUsed(subjectId);
		}
		catch (CaasException ex) {
			this.subjects.save(subject);
			throw ex;
		}
		log.info("subject deleted subjectId={} by={}", subjectId, who.username());
	}

	private void refuseIfUsed(String subjectId) {
		long classes = this.usage.classesOf(subjectId);
		if (classes > 0) {
			throw CaasException.conflict("subject-in-use",
					"subject '" + subjectId + "' is used by " + classes + " class(es); delete or move them first");
		}
	}

}
