package io.caas.classes.preview;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Shared ports, by class and student. */
public interface PortShareRepository extends MongoRepository<PortShare, String> {

	List<PortShare> findByClassIdAndStudentIdOrderByPort(String classId, String studentId);

	long countByClassIdAndStudentId(String classId, String studentId);

}
