package io.caas.classes.roster;

import java.util.Optional;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Conditional updates of a class: one findAndModify whose filter is the precondition. On
 * mongo:7 of two racing writers exactly one wins; FerretDB v1.24 reads, changes and
 * writes back the whole document without isolation, so there both could "win" and the
 * last write undo the other: writers that could race hold a Redis lock (RosterLock, the
 * claim lock), which is what makes them exclusive on both stores. Issued through the
 * driver because {@code MongoTemplate.findAndModify} always sends a {@code fields}
 * projection, which FerretDB (the local MongoDB stand-in) refuses.
 */
@Component
public class ClassRoomUpdates {

	private final MongoTemplate mongo;

	private final QueryMapper queries;

	private final UpdateMapper updates;

	private final MongoPersistentEntity<?> entity;

	ClassRoomUpdates(MongoTemplate mongo) {
		MongoConverter converter = mongo.getConverter();
		this.mongo = mongo;
		this.queries = new QueryMapper(converter);
		this.updates = new UpdateMapper(converter);
		this.entity = converter.getMappingContext().getRequiredPersistentEntity(ClassRoom.class);
	}

	/**
	 * Applies {@code update} if a class matches {@code query}; returns the class after
	 * it.
	 */
	public Optional<ClassRoom> updateIf(Query query, Update update) {
		Document filter = this.queries.getMappedObject(query.getQueryObject(), this.entity);
		Document change = this.updates.getMappedObject(update.getUpdateObject(), this.entity);
		Document after = this.mongo.getCollection(this.entity.getCollection())
			.findOneAndUpdate(filter, change, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(after).map(d -> this.mongo.getConverter().read(ClassRoom.class, d));
	}

}
