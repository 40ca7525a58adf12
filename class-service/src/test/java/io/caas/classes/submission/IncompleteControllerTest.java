package io.caas.classes.submission;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;

import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.workspace.IncompleteAttempts;
import io.caas.classes.workspace.WorkspaceKeys;
import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.identity.IdentityHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// the IDE-host page filter is its own slice (IdePagesTest)
@WebMvcTest(controllers = IncompleteController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.caas\\.classes\\.idepage\\..*"))
@Import({ IncompleteAttempts.class, IncompleteControllerTest.Store.class })
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class IncompleteControllerTest {

	private static final String URL = "/api/classes/cs101/submissions/incomplete";

	private static final String SESSION = "20261124t231900z-k3x9";

	@Autowired
	MockMvc mvc;

	@Autowired
	InMemoryObjectStore store;

	@Autowired
	MutableClock clock;

	@Test
	void adminSeesAttemptsWithoutManifestOlderThanADayAndNothingIsDeleted() throws Exception {
		String old = cutOff(this.clock.instant().minusSeconds(2 * 86400));
		cutOff(this.clock.instant().minusSeconds(3600));

		this.mvc.perform(get(URL).header(IdentityHeaders.USER, "admin").header(IdentityHeaders.ROLES, "admin"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attempts.length()").value(1))
			.andExpect(jsonPath("$.attempts[0].attemptId").value(old))
			.andExpect(jsonPath("$.attempts[0].studentId").value("s1"))
			.andExpect(jsonPath("$.attempts[0].bytes").value(5));
		this.mvc
			.perform(get(URL).param("olderThan", "PT1M")
				.header(IdentityHeaders.USER, "admin")
				.header(IdentityHeaders.ROLES, "admin"))
			.andExpect(jsonPath("$.attempts.length()").value(2));
		org.assertj.core.api.Assertions.assertThat(this.store.deleted).isEmpty();
	}

	@Test
	void teacherIsRefused() throws Exception {
		this.mvc.perform(get(URL).header(IdentityHeaders.USER, "teacher1").header(IdentityHeaders.ROLES, "teacher"))
			.andExpect(status().isForbidden());
	}

	@Test
	void negativeAgeIsABadRequest() throws Exception {
		this.mvc
			.perform(get(URL).param("olderThan", "-PT1H")
				.header(IdentityHeaders.USER, "admin")
				.header(IdentityHeaders.ROLES, "admin"))
			.andExpect(status().isBadRequest());
	}

	private String cutOff(Instant at) {
		String attempt = WorkspaceKeys.newAttemptId(java.time.Clock.fixed(at, ZoneOffset.UTC), new java.util.Random());
		this.store.put(WorkspaceKeys.attempt("cs101", SESSION, "s1", attempt) + "files/a.txt",
				new ByteArrayInputStream("alpha".getBytes()), 5, null);
		return attempt;
	}

	@TestConfiguration
	static class Store {

		@Bean
		InMemoryObjectStore inMemoryObjectStore() {
			return new InMemoryObjectStore();
		}

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-11-26T07:00:00Z"));
		}

	}

}
