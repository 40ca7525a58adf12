package io.caas.gateway.forwardauth;

import java.util.Set;

import io.caas.common.identity.Identity;
import io.caas.common.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdeAccessTest {

	private static final IdeHost STUDENT1_IDE = new IdeHost("cs101", "student1");

	@Test
	void ownStudentIsAllowed() {
		assertThat(IdeAccess.decide(new Identity("student1", Set.of(Role.STUDENT)), STUDENT1_IDE))
			.isEqualTo(IdeAccess.Decision.ALLOW);
	}

	@Test
	void anotherStudentIsRefused() {
		assertThat(IdeAccess.decide(new Identity("student2", Set.of(Role.STUDENT)), STUDENT1_IDE))
			.isEqualTo(IdeAccess.Decision.DENY);
	}

	@Test
	void matchingNameWithoutStudentRoleIsRefused() {
		assertThat(IdeAccess.decide(new Identity("student1", Set.of()), STUDENT1_IDE))
			.isEqualTo(IdeAccess.Decision.DENY);
	}

	@Test
	void teacherIsAllowedOnlyIfClassServiceSaysTheyTeachTheClass() {
		assertThat(IdeAccess.decide(new Identity("teacher9", Set.of(Role.TEACHER)), STUDENT1_IDE))
			.isEqualTo(IdeAccess.Decision.ASK_CLASS);
	}

	@Test
	void adminIsAllowed() {
		assertThat(IdeAccess.decide(new Identity("admin", Set.of(Role.ADMIN)), STUDENT1_IDE))
			.isEqualTo(IdeAccess.Decision.ALLOW);
	}

}
