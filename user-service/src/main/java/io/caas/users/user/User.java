package io.caas.users.user;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.caas.common.identity.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who can log in. The username is the document id, so uniqueness needs no extra
 * index and a duplicate insert fails atomically.
 *
 * @param username login name, following the class/student id rule so a student's username
 * can be used as a student id in hostnames
 * @param passwordHash BCrypt hash, never leaves this service
 * @param roles what the person may do
 * @param displayName how the UI names the person
 * @param mustChangePassword whether the UI should ask for a new password after login
 * @param createdAt when the user was created
 * @param disabled whether an admin switched the account off: no login, no refresh
 */
@Document("users")
public record User(@Id String username, String passwordHash, Set<Role> roles, String displayName,
		boolean mustChangePassword, Instant createdAt, boolean disabled) {

	@PersistenceCreator
	public User {
		roles = Set.copyOf(roles);
	}

	public User(String username, String passwordHash, Set<Role> roles, String displayName, boolean mustChangePassword,
			Instant createdAt) {
		this(username, passwordHash, roles, displayName, mustChangePassword, createdAt, false);
	}

	/** Roles in their lowercase wire form, sorted so answers are stable. */
	public List<String> roleNames() {
		return this.roles.stream().map(Role::wireName).sorted().toList();
	}

	public User withPassword(String newHash, boolean mustChange) {
		return new User(this.username, newHash, this.roles, this.displayName, mustChange, this.createdAt,
				this.disabled);
	}

	public User withAccess(Set<Role> newRoles, boolean isDisabled) {
		return new User(this.username, this.passwordHash, newRoles, this.displayName, this.mustChangePassword,
				this.createdAt, isDisabled);
	}

}
