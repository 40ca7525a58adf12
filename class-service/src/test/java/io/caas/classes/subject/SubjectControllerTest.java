package io.caas.classes.subject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.identity.IdentityHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// the IDE-host page filter is its own slice (IdePagesTest)
@WebMvcTest(controllers = SubjectController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.caas\\.classes\\.idepage\\..*"))
@Import(SubjectService.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class SubjectControllerTest {

	private static final Subject CS = new Subject("cs", "Computer Science", null, Instant.EPOCH);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SubjectRepository subjects;

	@MockitoBean
	MongoTemplate mongo;

	@MockitoBean
	SubjectUsage usage;

	@MockitoBean
	Clock clock;

	@Test
	void listWithoutIdentityIsUnauthorizedProblem() throws Exception {
		this.mvc.perform(get("/api/subjects"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void studentReadsSubjects() throws Exception {
		given(this.subjects.findAllByOrderByIdAsc()).willReturn(List.of(CS));
		this.mvc.perform(as("student1", "student", get("/api/subjects")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].subjectId").value("cs"))
			.andExpect(jsonPath("$[0].name").value("Computer Science"));
	}

	@Test
	void createSubjectAsTeacherIsForbiddenAndWritesNothing() throws Exception {
		create("teacher1", "teacher", "{\"subjectId\":\"math\",\"name\":\"Maths\"}").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("forbidden"));
		verify(this.subjects, never()).insert(any(Subject.class));
	}

	@Test
	void createSubjectWithBadIdNamesIt() throws Exception {
		create("admin", "admin", "{\"subjectId\":\"Math-1\",\"name\":\"Maths\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-input"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'Math-1'")));
	}

	@Test
	void createSubjectWithoutNameListsTheField() throws Exception {
		create("admin", "admin", "{\"subjectId\":\"math\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.name").exists());
	}

	@Test
	void createSubjectAnswersCreatedWithLocation() throws Exception {
		given(this.clock.instant()).willReturn(Instant.EPOCH);
		given(this.subjects.insert(any(Subject.class))).willAnswer(call -> call.getArgument(0));
		create("admin", "admin", "{\"subjectId\":\"math\",\"name\":\" Maths \"}").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/subjects/math"))
			.andExpect(jsonPath("$.name").value("Maths"));
	}

	@Test
	void createSubjectTwiceIsConflict() throws Exception {
		given(this.clock.instant()).willReturn(Instant.EPOCH);
		given(this.subjects.insert(any(Subject.class))).willThrow(new DuplicateKeyException("E11000"));
		create("admin", "admin", "{\"subjectId\":\"cs\",\"name\":\"CS\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("subject-exists"));
	}

	@Test
	void deleteSubjectInUseIsConflictAndKeepsIt() throws Exception {
		given(this.subjects.findById("cs")).willReturn(Optional.of(CS));
		given(this.usage.classesOf("cs")).willReturn(2L);
		this.mvc.perform(as("admin", "admin", delete("/api/subjects/cs")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("subject-in-use"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2 class")));
		verify(this.subjects, never()).deleteById("cs");
	}

	@Test
	void deleteSubjectThatAClassTookMeanwhileIsPutBack() throws Exception {
		given(this.subjects.findById("cs")).willReturn(Optional.of(CS));
		given(this.usage.classesOf("cs")).willReturn(0L, 1L);
		this.mvc.perform(as("admin", "admin", delete("/api/subjects/cs")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("subject-in-use"));
		verify(this.subjects).save(CS);
	}

	@Test
	void deleteUnknownSubjectIsNotFound() throws Exception {
		this.mvc.perform(as("admin", "admin", delete("/api/subjects/nope")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
	}

	private ResultActions create(String user, String roles, String json) throws Exception {
		return this.mvc
			.perform(as(user, roles, post("/api/subjects")).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static MockHttpServletRequestBuilder as(String user, String roles, MockHttpServletRequestBuilder request) {
		return request.header(IdentityHeaders.USER, user).header(IdentityHeaders.ROLES, roles);
	}

}
