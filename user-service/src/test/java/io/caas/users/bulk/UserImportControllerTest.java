package io.caas.users.bulk;

import java.util.List;

import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.identity.IdentityHeaders;
import io.caas.users.credentials.Passwords;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyIterable;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UserImportController.class)
@Import(UserImport.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class UserImportControllerTest {

	private static final String ONE_BAD_LINE = """
			username,displayName,roles
			ada,Ada,student
			Bad-Name,Bad,student
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	Passwords passwords;

	@Test
	void importAsTeacherIsForbiddenAndWritesNothing() throws Exception {
		upload("teacher1", "teacher", "", "username,roles\nada,student\n").andExpect(status().isForbidden());
		verify(this.users, never()).insert(any(User.class));
	}

	@Test
	void dryRunListsBadLinesAndWritesNothing() throws Exception {
		given(this.users.findAllById(anyIterable())).willReturn(List.of());
		upload("admin", "admin", "?dryRun=true&initialPassword=initial-pass", ONE_BAD_LINE).andExpect(status().isOk())
			.andExpect(jsonPath("$.dryRun").value(true))
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.rows").value(2))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].code").value("invalid-username"));
		verify(this.users, never()).insert(any(User.class));
		verify(this.passwords, never()).hash(any());
	}

	@Test
	void realImportWithABadLineIsRefusedWholeWithEveryError() throws Exception {
		given(this.users.findAllById(anyIterable())).willReturn(List.of());
		upload("admin", "admin", "?initialPassword=initial-pass", ONE_BAD_LINE).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("invalid-import"))
			.andExpect(jsonPath("$.errors[0].username").value("Bad-Name"))
			.andExpect(jsonPath("$.errors.length()").value(1));
		verify(this.users, never()).insert(any(User.class));
	}

	@Test
	void importOfUnreadableCsvIsBadRequest() throws Exception {
		upload("admin", "admin", "", "name\nada\n").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-csv"));
	}

	@Test
	void importOverOneMebibyteIsTooLarge() throws Exception {
		upload("admin", "admin", "", "username\n" + "a\n".repeat(600_000)).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.code").value("too-large"));
	}

	private ResultActions upload(String user, String roles, String query, String csv) throws Exception {
		return this.mvc.perform(post("/api/users/import" + query).header(IdentityHeaders.USER, user)
			.header(IdentityHeaders.ROLES, roles)
			.contentType("text/csv")
			.content(csv));
	}

}
