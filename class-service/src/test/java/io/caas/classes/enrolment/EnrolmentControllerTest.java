package io.caas.classes.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.roster.ClassRoomUpdates;
import io.caas.classes.roster.RosterLock;
import io.caas.classes.roster.Schedule;
import io.caas.classes.roster.Section;
import io.caas.classes.lifecycle.ClassState;
import io.caas.common.CommonWebMvcAutoConfiguration;
import io.caas.common.error.CaasException;
import io.caas.common.identity.IdentityHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// the IDE-host page filter is its own slice (IdePagesTest)
@WebMvcTest(controllers = EnrolmentController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.caas\\.classes\\.idepage\\..*"))
@Import(EnrolmentService.class)
@ImportAutoConfiguration(CommonWebMvcAutoConfiguration.class)
class EnrolmentControllerTest {

	private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClassRoomRepository classes;

	@MockitoBean
	ClassRoomUpdates updates;

	@MockitoBean
	SubjectSeats seats;

	@MockitoBean
	RosterLock lock;

	@MockitoBean
	Clock clock;

	@BeforeEach
	void now() {
		given(this.clock.instant()).willReturn(NOW);
		given(this.lock.withLock(any(), any())).willAnswer(call -> call.<Supplier<?>>getArgument(1).get());
	}

	@Test
	void joinAsTeacherIsForbidden() throws Exception {
		join("teacher1", "teacher").andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verify(this.seats, never()).claim(any(), any());
	}

	@Test
	void joinClassThatTakesNoEnrolmentsLooksAbsent() throws Exception {
		given(this.classes.findById("sch1")).willReturn(Optional.of(section(new Section(30, false, null, false))));
		join("student9", "student").andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("not-found"));
	}

	@Test
	void joinFullClassIsConflictAndTakesNoSeat() throws Exception {
		given(this.classes.findById("sch1")).willReturn(Optional.of(section(new Section(2, true, null, false))));
		join("student9", "student").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("class-full"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2 seats")));
		verify(this.seats, never()).claim(any(), any());
	}

	@Test
	void joinEndedClassIsConflict() throws Exception {
		Schedule over = new Schedule(LocalDateTime.of(2026, 9, 1, 9, 0), LocalDateTime.of(2026, 11, 1, 9, 0), "UTC");
		given(this.classes.findById("sch1")).willReturn(Optional.of(section(new Section(30, true, over, false))));
		join("student9", "student").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("class-ended"));
	}

	@Test
	void joinWhenSeatOfSubjectIsHeldElsewhereIsConflictAndLeavesRosterAlone() throws Exception {
		given(this.classes.findById("sch1")).willReturn(Optional.of(section(new Section(30, true, null, false))));
		willThrow(CaasException.conflict("other-section", "you are already enrolled in class 'sch2'")).given(this.seats)
			.claim(any(), any());
		join("student9", "student").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("other-section"));
		verify(this.updates, never()).updateIf(any(), any());
	}

	@Test
	void joinWhenTheLastSeatGoesMeanwhileGivesTheSubjectSeatBack() throws Exception {
		ClassRoom open = room(List.of("s1"), new Section(2, true, null, false));
		ClassRoom full = room(List.of("s1", "s2"), new Section(2, true, null, false));
		given(this.classes.findById("sch1")).willReturn(Optional.of(open), Optional.of(full));
		join("student9", "student").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("class-full"));
		verify(this.seats).release("cs", "student9", "sch1");
	}

	@Test
	void leaveClassTheTeacherManagesIsForbidden() throws Exception {
		ClassRoom managed = room(List.of("student9"), Section.NONE);
		given(this.classes.findById("sch1")).willReturn(Optional.of(managed));
		this.mvc
			.perform(delete("/api/classes/sch1/enrolment").header(IdentityHeaders.USER, "student9")
				.header(IdentityHeaders.ROLES, "student"))
			.andExpect(status().isForbidden());
		verify(this.updates, never()).updateIf(any(), any());
	}

	private static ClassRoom section(Section section) {
		return room(List.of("s1", "s2"), section);
	}

	private static ClassRoom room(List<String> students, Section section) {
		return new ClassRoom("sch1", "Section", "cs", "codeserver", "teacher1", students, ClassState.CLOSED, null, null,
				NOW, 1L, section);
	}

	private ResultActions join(String user, String roles) throws Exception {
		return this.mvc.perform(post("/api/classes/sch1/enrolment").header(IdentityHeaders.USER, user)
			.header(IdentityHeaders.ROLES, roles));
	}

}
