package io.caas.users.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.identity.IdentityHeaders;
import io.caas.common.identity.Role;
import io.caas.users.credentials.Passwords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UserController.class)
@Import(UserDirectory.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class UserControllerTest {

	private static final User TEACHER = new User("teacher1", "$2a$04$hash", Set.of(Role.TEACHER), "Teacher 1", false,
			Instant.parse("2026-01-01T00:00:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	Passwords passwords;

	@Test
	void meWithoutIdentityHeadersIsUnauthorizedProblem() throws Exception {
		this.mvc.perform(get("/api/users/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("unauthorized"));
	}

	@Test
	void meAnswersProfileWithLowercaseRolesAndNoHash() throws Exception {
		given(this.users.findById("teacher1")).willReturn(Optional.of(TEACHER));
		this.mvc
			.perform(get("/api/users/me").header(IdentityHeaders.USER, "teacher1")
				.header(IdentityHeaders.ROLES, "teacher"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("teacher1"))
			.andExpect(jsonPath("$.roles[0]").value("teacher"))
			.andExpect(jsonPath("$.displayName").value("Teacher 1"))
			.andExpect(content().string(not(containsString("hash"))));
	}

	@Test
	void listUsersAsStudentIsForbidden() throws Exception {
		this.mvc
			.perform(get("/api/users").param("role", "student")
				.header(IdentityHeaders.USER, "student1")
				.header(IdentityHeaders.ROLES, "student"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("forbidden"));
	}

	@Test
	void listUsersAsTeacherAllowsStudentsOnly() throws Exception {
		given(this.users.findByRolesOrderByUsernameAsc(Role.STUDENT)).willReturn(List.of());
		this.mvc
			.perform(get("/api/users").param("role", "student")
				.header(IdentityHeaders.USER, "teacher1")
				.header(IdentityHeaders.ROLES, "teacher"))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/users").param("role", "teacher")
				.header(IdentityHeaders.USER, "teacher1")
				.header(IdentityHeaders.ROLES, "teacher"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(
					get("/api/users").header(IdentityHeaders.USER, "teacher1").header(IdentityHeaders.ROLES, "teacher"))
			.andExpect(status().isForbidden());
	}

	@Test
	void listUsersWithUnknownRoleIsBadRequest() throws Exception {
		this.mvc
			.perform(get("/api/users").param("role", "janitor")
				.header(IdentityHeaders.USER, "admin")
				.header(IdentityHeaders.ROLES, "admin"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-role"));
	}

	@Test
	void createUserWithBadInputListsEveryBadField() throws Exception {
		this.mvc
			.perform(post("/api/users").header(IdentityHeaders.USER, "admin")
				.header(IdentityHeaders.ROLES, "admin")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "Bad-Name", "password": "short", "roles": []}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("invalid-input"))
			.andExpect(jsonPath("$.fields.username").exists())
			.andExpect(jsonPath("$.fields.password").exists())
			.andExpect(jsonPath("$.fields.roles").exists());
		verify(this.users, never()).insert(any(User.class));
	}

	@Test
	void createUserAsTeacherIsForbidden() throws Exception {
		this.mvc
			.perform(post("/api/users").header(IdentityHeaders.USER, "teacher1")
				.header(IdentityHeaders.ROLES, "teacher")
				.contentType(MediaType.APPLICATION_JSON)
				.content(validBody()))
			.andExpect(status().isForbidden());
		verify(this.users, never()).insert(any(User.class));
	}

	@Test
	void createUserAnswersCreatedWithoutHash() throws Exception {
		given(this.passwords.hash("s3cret-pass")).willReturn("$2a$04$hashed");
		given(this.users.insert(any(User.class))).willAnswer(call -> call.getArgument(0));
		this.mvc
			.perform(post("/api/users").header(IdentityHeaders.USER, "admin")
				.header(IdentityHeaders.ROLES, "admin")
				.contentType(MediaType.APPLICATION_JSON)
				.content(validBody()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/users/student9"))
			.andExpect(jsonPath("$.username").value("student9"))
			.andExpect(jsonPath("$.roles[0]").value("student"))
			.andExpect(jsonPath("$.displayName").value("Student 9"))
			.andExpect(content().string(not(containsString("hash"))));
	}

	@Test
	void createUserWhenUsernameTakenIsConflict() throws Exception {
		given(this.passwords.hash("s3cret-pass")).willReturn("$2a$04$hashed");
		given(this.users.insert(any(User.class))).willThrow(new DuplicateKeyException("E11000"));
		this.mvc
			.perform(post("/api/users").header(IdentityHeaders.USER, "admin")
				.header(IdentityHeaders.ROLES, "admin")
				.contentType(MediaType.APPLICATION_JSON)
				.content(validBody()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("user-exists"));
	}

	private static String validBody() {
		return """
				{"username": "student9", "password": "s3cret-pass", "roles": ["student"], "displayName": "Student 9"}
				""";
	}

}
