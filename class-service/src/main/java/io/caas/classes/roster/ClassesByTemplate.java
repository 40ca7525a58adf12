package io.caas.classes.roster;

import io.caas.classes.template.TemplateUsage;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Tells the templates package how many classes refer to a template. */
@Component
class ClassesByTemplate implements TemplateUsage {

	private final MongoTemplate mongo;

	ClassesByTemplate(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public long classesUsing(String templateId) {
		return this.mongo.count(Query.query(Criteria.where("templateId").is(templateId)), ClassRoom.class);
	}

}
