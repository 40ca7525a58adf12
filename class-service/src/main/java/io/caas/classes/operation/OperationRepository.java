package io.caas.classes.operation;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface OperationRepository extends MongoRepository<Operation, String> {

	List<Operation> findByState(OperationState state);

}
