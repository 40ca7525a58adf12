package io.caas.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.caas.common.CommonWebMvcAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = SessionAdminController.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class SessionAdminControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SessionStore sessions;

	@Test
	void nonAdminListingSessionsIsForbiddenProblem() throws Exception {
		this.mvc.perform(get("/api/sessions").header("X-Caas-User", "teacher1").header("X-Caas-Roles", "teacher"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("forbidden"));
		verify(this.sessions, never()).list(any());
	}

	@Test
	void nonAdminEndingASessionIsForbiddenAndEndsNothing() throws Exception {
		this.mvc
			.perform(delete("/api/sessions/abc").header("X-Caas-User", "student1").header("X-Caas-Roles", "student"))
			.andExpect(status().isForbidden());
		verify(this.sessions, never()).close(anyString());
	}

	@Test
	void anonymousListingIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/sessions")).andExpect(status().isUnauthorized());
	}

	@Test
	void listingByAnInvalidUsernameIsBadRequest() throws Exception {
		this.mvc
			.perform(get("/api/sessions").param("username", "Not-Valid")
				.header("X-Caas-User", "admin")
				.header("X-Caas-Roles", "admin"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-username"));
	}

	@Test
	void endingAnUnknownSessionIsNotFound() throws Exception {
		given(this.sessions.find("gone")).willReturn(Optional.empty());
		this.mvc.perform(delete("/api/sessions/gone").header("X-Caas-User", "admin").header("X-Caas-Roles", "admin"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
		verify(this.sessions, never()).close(anyString());
	}

	@Test
	void adminListsWithoutTokensOrHashes() throws Exception {
		given(this.sessions.list("student1")).willReturn(List.of(new SessionInfo("s1", "student1", List.of("student"),
				Instant.EPOCH, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "10.0.0.1", "ua", true)));
		this.mvc
			.perform(get("/api/sessions").param("username", "student1")
				.header("X-Caas-User", "admin")
				.header("X-Caas-Roles", "admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].sessionId").value("s1"))
			.andExpect(jsonPath("$[0].mustChangePassword").value(true))
			.andExpect(jsonPath("$[0].refresh").doesNotExist());
	}

}
