package io.caas.users.user;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.error.CaasException;
import io.caas.common.identity.IdentityHeaders;
import io.caas.common.identity.Role;
import io.caas.users.credentials.Passwords;
import io.caas.users.session.AuthSessions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UserAccountController.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class UserAccountControllerTest {

	private static final User STUDENT = new User("student1", "$2a$04$hash", Set.of(Role.STUDENT), "Student 1", false,
			Instant.parse("2026-01-01T00:00:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	AuthSessions sessions;

	@MockitoBean
	Passwords passwords;

	@Test
	void adminResettingAPasswordEndsEverySessionAndMakesItAnInitialOne() throws Exception {
		given(this.users.findById("student1")).willReturn(Optional.of(STUDENT));
		given(this.passwords.hash("new-initial-1")).willReturn("$2a$04$newhash");
		given(this.users.save(any(User.class))).willAnswer(invocation -> invocation.getArgument(0));
		patchStudent1("admin", "admin", "{\"resetPassword\":\"new-initial-1\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(true))
			.andExpect(jsonPath("$.disabled").value(false))
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
		verify(this.sessions).endAll("student1");
		verify(this.users).save(argThat(user -> user.passwordHash().equals("$2a$04$newhash")
				&& user.mustChangePassword() && user.roles().equals(STUDENT.roles())));
	}

	@Test
	void resetToATooShortPasswordIsBadRequestAndChangesNothing() throws Exception {
		patchStudent1("admin", "admin", "{\"resetPassword\":\"short\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-input"))
			.andExpect(jsonPath("$.fields.resetPassword").exists());
		verify(this.sessions, never()).endAll(anyString());
		verify(this.users, never()).save(any(User.class));
	}

	@Test
	void whenSessionsCannotBeEndedAResetSavesNothing() throws Exception {
		given(this.users.findById("student1")).willReturn(Optional.of(STUDENT));
		given(this.passwords.hash("new-initial-1")).willReturn("$2a$04$newhash");
		willThrow(new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "auth-service-unavailable", "down"))
			.given(this.sessions)
			.endAll("student1");
		patchStudent1("admin", "admin", "{\"resetPassword\":\"new-initial-1\"}")
			.andExpect(status().isServiceUnavailable());
		verify(this.users, never()).save(any(User.class));
	}

	@Test
	void teacherCannotResetAPassword() throws Exception {
		patchStudent1("teacher1", "teacher", "{\"resetPassword\":\"new-initial-1\"}").andExpect(status().isForbidden());
		verify(this.sessions, never()).endAll(anyString());
		verify(this.passwords, never()).hash(anyString());
	}

	@Test
	void adminDisablingAUserEndsEverySessionThenSaves() throws Exception {
		given(this.users.findById("student1")).willReturn(Optional.of(STUDENT));
		given(this.users.save(any(User.class))).willAnswer(invocation -> invocation.getArgument(0));
		patchStudent1("admin", "admin", "{\"disabled\":true}").andExpect(status().isOk())
			.andExpect(jsonPath("$.disabled").value(true));
		verify(this.sessions).endAll("student1");
	}

	@Test
	void whenSessionsCannotBeEndedNothingIsSaved() throws Exception {
		given(this.users.findById("student1")).willReturn(Optional.of(STUDENT));
		willThrow(new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "auth-service-unavailable", "down"))
			.given(this.sessions)
			.endAll("student1");
		patchStudent1("admin", "admin", "{\"disabled\":true}").andExpect(status().isServiceUnavailable());
		verify(this.users, never()).save(any(User.class));
	}

	@Test
	void teacherCannotDisableAnyone() throws Exception {
		patchStudent1("teacher1", "teacher", "{\"disabled\":true}").andExpect(status().isForbidden());
		verify(this.sessions, never()).endAll(anyString());
		verify(this.users, never()).save(any(User.class));
	}

	@Test
	void internalLookupAnswersRolesAndHidesDisabledAccounts() throws Exception {
		given(this.users.findById("student1")).willReturn(Optional.of(STUDENT));
		this.mvc.perform(get("/internal/users/student1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("student"));
		given(this.users.findById("student1")).willReturn(Optional.of(STUDENT.withAccess(STUDENT.roles(), true)));
		this.mvc.perform(get("/internal/users/student1")).andExpect(status().isNotFound());
	}

	private ResultActions patchStudent1(String user, String roles, String json) throws Exception {
		return this.mvc.perform(patch("/api/users/student1").header(IdentityHeaders.USER, user)
			.header(IdentityHeaders.ROLES, roles)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

}
