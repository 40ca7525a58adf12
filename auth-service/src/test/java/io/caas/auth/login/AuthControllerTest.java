package io.caas.auth.login;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.caas.auth.session.Session;
import io.caas.auth.session.SessionStore;
import io.caas.auth.token.AccessTokens;
import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.error.CaasException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = AuthController.class)
@Import(SessionCookie.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class AuthControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserServiceClient userService;

	@MockitoBean
	SessionStore sessions;

	@MockitoBean
	AccessTokens tokens;

	@MockitoBean
	LoginThrottle throttle;

	@Test
	void loginWithBlankFieldsIsBadRequestListingThem() throws Exception {
		this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\" \",\"password\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("invalid-input"))
			.andExpect(jsonPath("$.fields.username").exists())
			.andExpect(jsonPath("$.fields.password").exists());
		verify(this.userService, never()).verify(anyString(), anyString());
	}

	@Test
	void loginWithBadCredentialsIsUnauthorizedProblemWithoutCookie() throws Exception {
		given(this.userService.verify("teacher1", "wrong"))
			.willThrow(CaasException.unauthorized("Invalid username or password"));
		this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"teacher1\",\"password\":\"wrong\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("unauthorized"))
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
		verify(this.sessions, never()).open(anyString(), any(), any());
	}

	@Test
	void loginAnswersTokensAndAHostOnlyHttpOnlyCookie() throws Exception {
		Session session = new Session("sid1", "teacher1", List.of("teacher"), Instant.parse("2030-01-01T00:00:00Z"));
		given(this.userService.verify("teacher1", "right"))
			.willReturn(new UserServiceClient.VerifiedUser("teacher1", List.of("teacher"), "Teacher 1", true));
		given(this.sessions.open("teacher1", List.of("teacher"), new Session.Start(true, "127.0.0.1", "test-agent")))
			.willReturn(new Session.Opened(session, "refresh1"));
		given(this.tokens.issue(session)).willReturn("access.jwt.1");
		given(this.tokens.expiresIn()).willReturn(900L);
		this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.USER_AGENT, "test-agent")
				.content("{\"username\":\"teacher1\",\"password\":\"right\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accessToken").value("access.jwt.1"))
			.andExpect(jsonPath("$.refreshToken").value("refresh1"))
			.andExpect(jsonPath("$.expiresIn").value(900))
			.andExpect(jsonPath("$.mustChangePassword").value(true))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(header().string(HttpHeaders.SET_COOKIE,
					allOf(containsString("caas_session=access.jwt.1"), not(containsString("Domain")),
							containsString("Path=/"), containsString("HttpOnly"), containsString("SameSite=Lax"),
							not(containsString("Secure")))));
	}

	@Test
	void refreshWithUnknownOrUsedTokenIsUnauthorized() throws Exception {
		given(this.sessions.rotate("used")).willReturn(Optional.empty());
		this.mvc
			.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
				.content("{\"refreshToken\":\"used\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("unauthorized"));
	}

	@Test
	void refreshWithoutTokenIsBadRequest() throws Exception {
		this.mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.refreshToken").exists());
	}

	@Test
	void logoutWithBearerTokenClosesItsSessionAndClearsTheCookie() throws Exception {
		given(this.tokens.sessionOf("access.jwt.1")).willReturn(Optional.of("sid1"));
		this.mvc.perform(post("/api/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer access.jwt.1"))
			.andExpect(status().isNoContent())
			.andExpect(header().string(HttpHeaders.SET_COOKIE, allOf(containsString("caas_session=;"),
					containsString("Max-Age=0"), not(containsString("Domain")))));
		verify(this.sessions).close("sid1");
	}

	@Test
	void logoutWithNothingToIdentifyASessionStillClearsTheCookie() throws Exception {
		this.mvc.perform(post("/api/auth/logout"))
			.andExpect(status().isNoContent())
			.andExpect(header().string(HttpHeaders.SET_COOKIE, containsString("Max-Age=0")));
		verify(this.sessions, never()).close(anyString());
	}

	@Test
	void loginWhileThrottledIsTooManyRequestsWithRetryAfterAndChecksNoPassword() throws Exception {
		given(this.throttle.blocked("teacher1", "127.0.0.1")).willReturn(Optional.of(Duration.ofSeconds(42)));
		this.mvc
			.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"teacher1\",\"password\":\"guess\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "42"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("too-many-logins"));
		verify(this.userService, never()).verify(anyString(), anyString());
	}

	@Test
	void refreshOfADisabledAccountEndsTheSession() throws Exception {
		Session session = new Session("sid1", "student1", List.of("student"), Instant.parse("2030-01-01T00:00:00Z"));
		given(this.sessions.rotate("r1")).willReturn(Optional.of(new Session.Opened(session, "r2")));
		given(this.userService.current("student1")).willReturn(Optional.empty());
		this.mvc
			.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
				.content("{\"refreshToken\":\"r1\"}"))
			.andExpect(status().isUnauthorized());
		verify(this.sessions).close("sid1");
	}

	@Test
	void refreshReReadsRolesFromUserService() throws Exception {
		Session session = new Session("sid1", "teacher1", List.of("teacher"), Instant.parse("2030-01-01T00:00:00Z"));
		Session promoted = new Session("sid1", "teacher1", List.of("admin", "teacher"), session.expiresAt());
		given(this.sessions.rotate("r1")).willReturn(Optional.of(new Session.Opened(session, "r2")));
		given(this.userService.current("teacher1")).willReturn(Optional
			.of(new UserServiceClient.VerifiedUser("teacher1", List.of("admin", "teacher"), "Teacher 1", false)));
		given(this.sessions.updateAccount(session, List.of("admin", "teacher"), false)).willReturn(promoted);
		given(this.tokens.issue(promoted)).willReturn("access.jwt.2");
		this.mvc
			.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
				.content("{\"refreshToken\":\"r1\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accessToken").value("access.jwt.2"))
			.andExpect(jsonPath("$.refreshToken").value("r2"));
	}

}
