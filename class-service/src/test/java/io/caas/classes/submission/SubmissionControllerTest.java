package io.caas.classes.submission;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.roster.ClassAccess;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.InMemoryObjectStore;
import io.caas.classes.workspace.StoredAttempts;
import io.caas.classes.workspace.WorkspaceCollector;
import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.identity.IdentityHeaders;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// the IDE-host page filter is its own slice (IdePagesTest)
@WebMvcTest(controllers = SubmissionController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.caas\\.classes\\.idepage\\..*"))
@Import({ SubmissionService.class, SubmissionZips.class, SignedLinks.class, ClassAccess.class, StoredAttempts.class,
		SubmissionControllerTest.Store.class })
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class SubmissionControllerTest {

	private static final String SESSION = "20261124t231900z-k3x9";

	private static final String BASE = "/api/classes/cs101/submissions";

	@Autowired
	MockMvc mvc;

	@Autowired
	InMemoryObjectStore store;

	@Autowired
	MutableClock clock;

	@MockitoBean
	ClassRoomRepository classes;

	@BeforeEach
	void collected() {
		this.store.objects.clear();
		given(this.classes.findById("cs101")).willReturn(Optional.of(new ClassRoom("cs101", "Intro", "CS", "codeserver",
				"teacher1", List.of("s1", "s2"), ClassState.CLOSED, SESSION, "op1", Instant.EPOCH, 1L)));
		FakeContainerRuntime runtime = new FakeContainerRuntime();
		WorkspaceCollector collector = new WorkspaceCollector(runtime, this.store, this.clock);
		FakeContainerRuntime.Fake s1 = runtime.run("s1", Map.of()).file("main.py", "print(1)\n");
		collector.collect(new WorkspaceCollector.Target("cs101", SESSION, "s1", s1.id, Fixtures.codeserver()));
		this.clock.advance(Duration.ofSeconds(1));
		s1.file("src/util.py", "x = 2\n");
		collector.collect(new WorkspaceCollector.Target("cs101", SESSION, "s1", s1.id, Fixtures.codeserver()));
		FakeContainerRuntime.Fake s2 = runtime.run("s2", Map.of()).file("secret.txt", "s2 only\n");
		collector.collect(new WorkspaceCollector.Target("cs101", SESSION, "s2", s2.id, Fixtures.codeserver()));
	}

	@Test
	void listAsTeacherShowsLatestFilesAndEveryAttempt() throws Exception {
		this.mvc.perform(as(get(BASE), "teacher1", "teacher"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions[0].sessionId").value(SESSION))
			.andExpect(jsonPath("$.sessions[0].students[0].studentId").value("s1"))
			.andExpect(jsonPath("$.sessions[0].students[0].latest.files.length()").value(2))
			.andExpect(jsonPath("$.sessions[0].students[0].latest.files[0].sha256").isString())
			.andExpect(jsonPath("$.sessions[0].students[0].attempts.length()").value(2))
			.andExpect(jsonPath("$.sessions[0].students[1].studentId").value("s2"));
	}

	@Test
	void listAsStudentShowsOnlyTheirOwn() throws Exception {
		this.mvc.perform(as(get(BASE), "s1", "student"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessions[0].students.length()").value(1))
			.andExpect(jsonPath("$.sessions[0].students[0].studentId").value("s1"));
	}

	@Test
	void listAsAnotherTeacherThenNotFound() throws Exception {
		this.mvc.perform(as(get(BASE), "teacher2", "teacher")).andExpect(status().isNotFound());
	}

	@Test
	void studentZipStreamsTheLatestAttempt() throws Exception {
		byte[] zip = this.mvc.perform(as(get(BASE + "/" + SESSION + "/s1.zip"), "s1", "student"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(unzip(zip)).isEqualTo(Map.of("main.py", "print(1)\n", "src/util.py", "x = 2\n"));
	}

	@Test
	void studentZipOfAnotherStudentThenNotFound() throws Exception {
		this.mvc.perform(as(get(BASE + "/" + SESSION + "/s2.zip"), "s1", "student")).andExpect(status().isNotFound());
	}

	@Test
	void sessionZipAsTeacherHasAFolderPerStudent() throws Exception {
		byte[] zip = this.mvc.perform(as(get(BASE + "/" + SESSION + ".zip"), "teacher1", "teacher"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(unzip(zip)).containsOnlyKeys("s1/main.py", "s1/src/util.py", "s2/secret.txt");
	}

	@Test
	void sessionZipAsStudentThenForbidden() throws Exception {
		this.mvc.perform(as(get(BASE + "/" + SESSION + ".zip"), "s1", "student")).andExpect(status().isForbidden());
	}

	@Test
	void signedLinkServesTheFileToItsHolderOnly() throws Exception {
		String url = link("s1", "src/util.py");

		String body = this.mvc.perform(as(get(url), "s1", "student"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).isEqualTo("x = 2\n");
		this.mvc.perform(as(get(url), "s2", "student")).andExpect(status().isForbidden());
	}

	@Test
	void signedLinkWhenExpiredThenForbidden() throws Exception {
		String url = link("teacher1", "main.py");
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

		this.mvc.perform(as(get(url), "teacher1", "teacher")).andExpect(status().isForbidden());
	}

	@Test
	void signedLinkWhenForgedOrPointedElsewhereThenForbidden() throws Exception {
		String url = link("teacher1", "main.py");

		this.mvc.perform(as(get(url.replaceAll("sig=[^&]+", "sig=AAAA")), "teacher1", "teacher"))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(get(url.replace("main.py", "src/util.py")), "teacher1", "teacher"))
			.andExpect(status().isForbidden());
	}

	@Test
	void linkWhenPathTraversesThenBadRequest() throws Exception {
		for (String path : List.of("../s2/secret.txt", "/etc/passwd", "src/../main.py", "a//b")) {
			this.mvc.perform(as(get(BASE + "/" + SESSION + "/s1/link").param("path", path), "teacher1", "teacher"))
				.andExpect(status().isBadRequest());
		}
	}

	@Test
	void linkForAnotherStudentsFileThenNotFound() throws Exception {
		this.mvc.perform(as(get(BASE + "/" + SESSION + "/s2/link").param("path", "secret.txt"), "s1", "student"))
			.andExpect(status().isNotFound());
	}

	private String link(String user, String path) throws Exception {
		String roles = user.startsWith("teacher") ? "teacher" : "student";
		String json = this.mvc.perform(as(get(BASE + "/" + SESSION + "/s1/link").param("path", path), user, roles))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode link = JsonMapper.builder().build().readTree(json);
		return link.path("url").asString();
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user, String roles) {
		return request.header(IdentityHeaders.USER, user).header(IdentityHeaders.ROLES, roles);
	}

	private static Map<String, String> unzip(byte[] zip) throws Exception {
		Map<String, String> files = new HashMap<>();
		try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
			ZipArchiveEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				files.put(entry.getName(), new String(in.readAllBytes()));
			}
		}
		return files;
	}

	@TestConfiguration
	@EnableConfigurationProperties(SubmissionProperties.class)
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
