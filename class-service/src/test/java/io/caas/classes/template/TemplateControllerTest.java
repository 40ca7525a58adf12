package io.caas.classes.template;

import java.util.Optional;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.identity.IdentityHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// the IDE-host page filter is its own slice (IdePagesTest)
@WebMvcTest(controllers = TemplateController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.caas\\.classes\\.idepage\\..*"))
@Import({ TemplateAdmin.class, TemplateStore.class, TemplateImages.class })
@EnableConfigurationProperties(TemplateProperties.class)
@TestPropertySource(properties = { "caas.templates.allowed[0].id=codeserver",
		"caas.templates.allowed[0].display-name=VS Code", "caas.templates.allowed[0].image=caas/runtime:1",
		"caas.templates.allowed[0].port=8080", "caas.templates.allowed[0].workspace-path=/home/student/workspace",
		"caas.templates.allowed[0].user=1000", "caas.templates.allowed[0].memory=1g",
		"caas.templates.allowed[0].cpus=1", "caas.templates.allowed[0].pids-limit=512" })
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class TemplateControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TemplateRepository repository;

	@MockitoBean
	TemplateUsage usage;

	@MockitoBean
	ContainerRuntime runtime;

	@Test
	void teacherCreatingATemplateIsForbiddenAndNothingIsAsked() throws Exception {
		as("teacher1", "teacher", post("/api/templates"), "{\"id\":\"x\",\"displayName\":\"X\",\"image\":\"i\"}")
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.runtime, never()).imageLabels(anyString());
		verify(this.repository, never()).insert(argThat((TemplateDocument d) -> d.id().equals("x")));
	}

	@Test
	void invalidFieldsAreBadRequestListingThem() throws Exception {
		as("admin", "admin", post("/api/templates"), "{\"id\":\"Bad\",\"displayName\":\"\",\"image\":\"i\",\"cpus\":0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-input"))
			.andExpect(jsonPath("$.fields.id").exists())
			.andExpect(jsonPath("$.fields.displayName").exists())
			.andExpect(jsonPath("$.fields.cpus").exists());
		verify(this.repository, never()).insert(argThat((TemplateDocument d) -> !"codeserver".equals(d.id())));
	}

	@Test
	void imageWithoutTheRuntimeLabelIsBadRequest() throws Exception {
		given(this.runtime.imageLabels("redis:7")).willReturn(Optional.of(java.util.Map.of("other", "x")));
		as("admin", "admin", post("/api/templates"), "{\"id\":\"r\",\"displayName\":\"R\",\"image\":\"redis:7\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("not-a-runtime-image"));
		verify(this.repository, never()).insert(argThat((TemplateDocument d) -> d.id().equals("r")));
	}

	@Test
	void imageAbsentFromTheEngineIsBadRequest() throws Exception {
		given(this.runtime.imageLabels("nope:1")).willReturn(Optional.empty());
		as("admin", "admin", post("/api/templates"), "{\"id\":\"n\",\"displayName\":\"N\",\"image\":\"nope:1\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("unknown-image"));
	}

	@Test
	void templateInUseIsConflictAndStays() throws Exception {
		given(this.repository.findById("codeserver"))
			.willReturn(
					Optional.of(TemplateDocument.fromConfig(
							TemplateCatalog.of(java.util.List.of(new Template("codeserver", "VS Code", "caas/runtime:1",
									8080, "/home/student/workspace", "1000", "1g", 1, 512)))
								.require("codeserver"),
							java.time.Instant.EPOCH)));
		given(this.usage.classesUsing("codeserver")).willReturn(3L);
		as("admin", "admin", delete("/api/templates/codeserver"), null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("template-in-use"))
			.andExpect(jsonPath("$.classes").value(3));
		verify(this.repository, never()).deleteById(anyString());
	}

	@Test
	void workspaceFolderOfATemplateInUseCannotChange() throws Exception {
		given(this.repository.findById("codeserver"))
			.willReturn(Optional.of(TemplateDocument.fromConfig(new Template("codeserver", "VS Code", "caas/runtime:1",
					8080, "/home/student/workspace", "1000", "1g", 1, 512), java.time.Instant.EPOCH)));
		given(this.usage.classesUsing("codeserver")).willReturn(2L);
		as("admin", "admin", put("/api/templates/codeserver"),
				"{\"displayName\":\"VS Code\",\"image\":\"caas/runtime:1\",\"workspacePath\":\"/home/student/workspace/src\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("template-in-use"))
			.andExpect(jsonPath("$.classes").value(2));
		verify(this.repository, never()).save(argThat((TemplateDocument d) -> d.id().equals("codeserver")));
	}

	@Test
	void replacingAnUnknownTemplateIsNotFound() throws Exception {
		given(this.repository.findById("ghost")).willReturn(Optional.empty());
		as("admin", "admin", put("/api/templates/ghost"), "{\"displayName\":\"G\",\"image\":\"caas/runtime:1\"}")
			.andExpect(status().isNotFound());
	}

	@Test
	void bodyIdOtherThanThePathIsBadRequest() throws Exception {
		as("admin", "admin", put("/api/templates/codeserver"),
				"{\"id\":\"other\",\"displayName\":\"G\",\"image\":\"caas/runtime:1\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("id-mismatch"));
	}

	private ResultActions as(String user, String roles, MockHttpServletRequestBuilder request, String json)
			throws Exception {
		request.header(IdentityHeaders.USER, user).header(IdentityHeaders.ROLES, roles);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(request);
	}

}
