package io.caas.classes.roster;

import java.util.Collection;
import java.util.List;

import io.caas.classes.lifecycle.ClassState;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface ClassRoomRepository extends MongoRepository<ClassRoom, String> {

	List<ClassRoom> findByTeacherOrderByIdAsc(String teacher);

	@Query(value = "{ 'students': ?0 }", sort = "{ '_id': 1 }")
	List<ClassRoom> findByStudent(String studentId);

	List<ClassRoom> findByStateIn(Collection<ClassState> states);

	/** Other classes of the subject that list any of the students. */
	@Query("{ 'subject': ?0, '_id': { '$ne': ?1 }, 'students': { '$in': ?2 } }")
	List<ClassRoom> findSectionsWithAny(String subject, String excludedClassId, Collection<String> students);

	long countBySubject(String subject);

	@Query(value = "{ 'section.selfEnrol': true }", sort = "{ '_id': 1 }")
	List<ClassRoom> findSelfEnrol();

}
