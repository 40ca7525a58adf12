package io.caas.classes.subject;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SubjectRepository extends MongoRepository<Subject, String> {

	List<Subject> findAllByOrderByIdAsc();

}
