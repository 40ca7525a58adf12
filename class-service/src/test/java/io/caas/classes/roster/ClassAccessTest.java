package io.caas.classes.roster;

import java.util.List;

import io.caas.classes.lifecycle.ClassState;
import io.caas.common.identity.Identity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassAccessTest {

	private final ClassRoom room = new ClassRoom("cs101", "Intro", "CS", "codeserver", "teacher1",
			List.of("student1", "student2"), ClassState.CLOSED, null, null, null, null);

	@Test
	void ownerTeacherAndAdminManage() {
		assertThat(ClassAccess.canManage(Identity.fromHeaders("teacher1", "teacher"), this.room)).isTrue();
		assertThat(ClassAccess.canManage(Identity.fromHeaders("root", "admin"), this.room)).isTrue();
	}

	@Test
	void otherTeacherNeitherManagesNorSees() {
		Identity other = Identity.fromHeaders("teacher2", "teacher");
		assertThat(ClassAccess.canManage(other, this.room)).isFalse();
		assertThat(ClassAccess.canSee(other, this.room)).isFalse();
	}

	@Test
	void enrolledStudentSeesButDoesNotManage() {
		Identity student = Identity.fromHeaders("student1", "student");
		assertThat(ClassAccess.canSee(student, this.room)).isTrue();
		assertThat(ClassAccess.canManage(student, this.room)).isFalse();
		assertThat(ClassAccess.canSee(Identity.fromHeaders("student9", "student"), this.room)).isFalse();
	}

	@Test
	void teacherNamedLikeAStudentIsNotEnrolledByName() {
		assertThat(ClassAccess.canSee(Identity.fromHeaders("student1", "teacher"), this.room)).isFalse();
	}

}
