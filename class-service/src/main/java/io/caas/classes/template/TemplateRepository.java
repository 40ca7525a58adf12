package io.caas.classes.template;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored templates by id; {@code insert} refuses an existing id. */
interface TemplateRepository extends MongoRepository<TemplateDocument, String> {

	List<TemplateDocument> findAllByOrderByIdAsc();

}
