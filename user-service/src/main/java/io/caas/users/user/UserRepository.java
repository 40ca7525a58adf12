package io.caas.users.user;

import java.util.List;

import io.caas.common.identity.Role;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Users by username; {@code insert} refuses an existing username. */
public interface UserRepository extends MongoRepository<User, String> {

	/** Users holding the role (matches one element of the roles array). */
	List<User> findByRolesOrderByUsernameAsc(Role role);

	List<User> findAllByOrderByUsernameAsc();

}
