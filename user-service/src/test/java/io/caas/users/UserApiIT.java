package io.caas.users;

import io.caas.common.identity.IdentityHeaders;
import io.caas.users.session.AuthSessions;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP API against a real Mongo-wire database, demo users seeded. */
@SpringBootTest(properties = "caas.users.bcrypt-strength=4")
@AutoConfigureMockMvc
class UserApiIT {

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		FerretDb.register(registry, "caas-users-api-it");
	}

	@Autowired
	MockMvc mvc;

	/** auth-service, told to end sessions: not running in this test. */
	@MockitoBean
	AuthSessions sessions;

	@Test
	void createdUserCanVerifyAndDuplicateIsConflict() throws Exception {
		String body = """
				{"username": "apiuser1", "password": "first-pass", "roles": ["teacher"], "mustChangePassword": true}
				""";
		this.mvc.perform(as("admin", "admin", post("/api/users")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.displayName").value("apiuser1"))
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
		this.mvc.perform(as("admin", "admin", post("/api/users")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("user-exists"));

		verify("apiuser1", "first-pass").andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("teacher"))
			.andExpect(jsonPath("$.mustChangePassword").value(true));
		verify("apiuser1", "wrong-pass").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("unauthorized"));
		verify("nosuchuser", "first-pass").andExpect(status().isUnauthorized());
	}

	@Test
	void changingOwnPasswordReplacesItAndClearsMustChange() throws Exception {
		this.mvc.perform(as("admin", "admin", post("/api/users")).contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "apiuser2", "password": "first-pass", "roles": ["student"], "mustChangePassword": true}
				""")).andExpect(status().isCreated());
		this.mvc
			.perform(as("apiuser2", "student", put("/api/users/me/password")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"not-it\",\"newPassword\":\"second-pass\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("wrong-password"));
		this.mvc
			.perform(as("apiuser2", "student", put("/api/users/me/password")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"first-pass\",\"newPassword\":\"second-pass\"}"))
			.andExpect(status().isNoContent());
		Mockito.verify(this.sessions).endAll("apiuser2");
		verify("apiuser2", "first-pass").andExpect(status().isUnauthorized());
		verify("apiuser2", "second-pass").andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(false));
	}

	@Test
	void adminResetMakesTheNewPasswordAnInitialOneAndEndsSessions() throws Exception {
		this.mvc.perform(as("admin", "admin", post("/api/users")).contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "schreset1", "password": "first-pass", "roles": ["student"], "mustChangePassword": false}
				""")).andExpect(status().isCreated());
		this.mvc
			.perform(as("admin", "admin", patch("/api/users/schreset1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"resetPassword\":\"reset-pass-1\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(true));
		Mockito.verify(this.sessions).endAll("schreset1");
		verify("schreset1", "first-pass").andExpect(status().isUnauthorized());
		verify("schreset1", "reset-pass-1").andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(true));
		this.mvc.perform(get("/internal/users/schreset1")).andExpect(jsonPath("$.mustChangePassword").value(true));
		this.mvc
			.perform(as("schreset1", "student", put("/api/users/me/password")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"reset-pass-1\",\"newPassword\":\"own-pass-22\"}"))
			.andExpect(status().isNoContent());
		verify("schreset1", "own-pass-22").andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(false));
	}

	@Test
	void teacherListsStudentsButNotTeachers() throws Exception {
		this.mvc.perform(as("admin", "admin", post("/api/users")).contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "apistudent", "password": "first-pass", "roles": ["student"]}
				""")).andExpect(status().isCreated());
		this.mvc.perform(as("teacher1", "teacher", get("/api/users").param("role", "student")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username == 'apistudent')]").exists())
			.andExpect(jsonPath("$[?(@.roles[0] != 'student')]").isEmpty());
		this.mvc.perform(as("teacher1", "teacher", get("/api/users").param("role", "teacher")))
			.andExpect(status().isForbidden());
	}

	private ResultActions verify(String username, String password) throws Exception {
		return this.mvc.perform(post("/internal/users/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)));
	}

	private static MockHttpServletRequestBuilder as(String user, String roles, MockHttpServletRequestBuilder request) {
		return request.header(IdentityHeaders.USER, user).header(IdentityHeaders.ROLES, roles);
	}

}
