package io.caas.users.credentials;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.identity.Role;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = VerifyController.class, properties = "caas.users.bcrypt-strength=4")
@Import(Passwords.class)
@EnableConfigurationProperties(CredentialsProperties.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class VerifyControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Passwords passwords;

	@MockitoBean
	UserRepository users;

	@Test
	void verifyWithRightPasswordAnswersUserWithLowercaseRoles() throws Exception {
		givenTeacherWithPassword("right-password");
		verify("teacher1", "right-password").andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("teacher1"))
			.andExpect(jsonPath("$.roles[0]").value("teacher"))
			.andExpect(jsonPath("$.displayName").value("Teacher 1"))
			.andExpect(jsonPath("$.mustChangePassword").value(true));
	}

	@Test
	void verifyWithWrongPasswordOrUnknownUserAnswersTheSame401() throws Exception {
		givenTeacherWithPassword("right-password");
		String wrong = verify("teacher1", "wrong-password").andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString();
		verify("nobody", "wrong-password").andExpect(status().isUnauthorized()).andExpect(content().json(wrong));
	}

	@Test
	void verifyWithBlankFieldsIsBadRequest() throws Exception {
		verify("", "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.username").exists())
			.andExpect(jsonPath("$.fields.password").exists());
	}

	private void givenTeacherWithPassword(String password) {
		given(this.users.findById("teacher1")).willReturn(Optional.of(new User("teacher1",
				this.passwords.hash(password), Set.of(Role.TEACHER), "Teacher 1", true, Instant.now())));
	}

	private ResultActions verify(String username, String password) throws Exception {
		return this.mvc.perform(post("/internal/users/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)));
	}

}
