package io.caas.users.bulk;

import java.util.List;

import io.caas.common.identity.IdentityHeaders;
import io.caas.users.FerretDb;
import io.caas.users.user.User;
import io.caas.users.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bulk import against a real Mongo-wire database: all or nothing, dry runs write nothing.
 */
@SpringBootTest(properties = "caas.users.bcrypt-strength=4")
@AutoConfigureMockMvc
class UserImportIT {

	private static final String CLASS_OF_FIVE_AND_A_TEACHER = """
			username,displayName,roles,password
			schs1,Student One,student,
			schs2,Student Two,student,
			schs3,Student Three,student,
			schs4,Student Four,student,
			schs5,Student Five,student,
			scht1,Teacher One,teacher,own-first-pass
			""";

	private static final List<String> NAMES = List.of("schs1", "schs2", "schs3", "schs4", "schs5", "scht1");

	@DynamicPropertySource
	static void mongo(DynamicPropertyRegistry registry) {
		FerretDb.register(registry, "caas-users-import-it");
	}

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	UserRepository users;

	@BeforeEach
	void empty() {
		reset(this.users);
		this.users.deleteAll();
	}

	@Test
	void importWithOneBadLineWritesNothingUntilItIsFixed() throws Exception {
		String oneBad = CLASS_OF_FIVE_AND_A_TEACHER.replace("schs3,Student Three,student,",
				"schs3,Student Three,pupil,");
		upload(oneBad, "?dryRun=true&initialPassword=initial-pass").andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
		assertThat(this.users.count()).isZero();

		upload(oneBad, "?initialPassword=initial-pass").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-import"));
		assertThat(this.users.count()).isZero();

		upload(CLASS_OF_FIVE_AND_A_TEACHER, "?dryRun=true&initialPassword=initial-pass").andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.created").isEmpty());
		assertThat(this.users.count()).isZero();

		upload(CLASS_OF_FIVE_AND_A_TEACHER, "?initialPassword=initial-pass").andExpect(status().isCreated())
			.andExpect(jsonPath("$.created.length()").value(6));
		assertThat(this.users.findAllById(NAMES)).hasSize(6).allMatch(User::mustChangePassword);
		verify("schs2", "initial-pass").andExpect(jsonPath("$.mustChangePassword").value(true));
		verify("scht1", "own-first-pass").andExpect(jsonPath("$.roles[0]").value("teacher"));
	}

	@Test
	void importOfAnExistingUsernameIsRefusedWhole() throws Exception {
		upload("username,roles\nschs1,student\n", "?initialPassword=initial-pass").andExpect(status().isCreated());
		upload(CLASS_OF_FIVE_AND_A_TEACHER, "?initialPassword=initial-pass").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("user-exists"))
			.andExpect(jsonPath("$.errors[0].line").value(2));
		assertThat(this.users.findAllById(NAMES)).extracting(User::username).containsExactly("schs1");
	}

	@Test
	void importThatFailsMidwayRemovesWhatItInserted() throws Exception {
		willThrow(new DataAccessResourceFailureException("database went away")).given(this.users)
			.insert(argThat((User u) -> u != null && "schs4".equals(u.username())));
		upload(CLASS_OF_FIVE_AND_A_TEACHER, "?initialPassword=initial-pass")
			.andExpect(status().isInternalServerError());
		assertThat(this.users.findAllById(NAMES)).isEmpty();
	}

	@Test
	void createdUserMustChangeThePasswordUnlessTheAdminSaysOtherwise() throws Exception {
		this.mvc
			.perform(post("/api/users").header(IdentityHeaders.USER, "admin")
				.header(IdentityHeaders.ROLES, "admin")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"schs9\",\"password\":\"initial-pass\",\"roles\":[\"student\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mustChangePassword").value(true));
		verify("schs9", "initial-pass").andExpect(jsonPath("$.mustChangePassword").value(true));
	}

	private ResultActions upload(String csv, String query) throws Exception {
		return this.mvc.perform(post("/api/users/import" + query).header(IdentityHeaders.USER, "admin")
			.header(IdentityHeaders.ROLES, "admin")
			.contentType("text/csv")
			.content(csv));
	}

	private ResultActions verify(String username, String password) throws Exception {
		return this.mvc
			.perform(post("/internal/users/verify").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)))
			.andExpect(status().isOk());
	}

}
