package io.caas.classes.idepage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.preview.PortShares;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.roster.ClassRoomRepository;
import io.caas.classes.runtime.RuntimeContainer.State;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class IdePagesTest {

	private final ClassRoomRepository classes = mock(ClassRoomRepository.class);

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final IdleWake wake = mock(IdleWake.class);

	private final PortShares shares = mock(PortShares.class);

	private final IdePageFilter filter = new IdePageFilter(
			new IdePages(this.classes, this.runtime, this.wake, this.shares), Fixtures.routing());

	@Test
	void closedClassAnswersNotOpenWithoutReloading() throws Exception {
		room(ClassState.CLOSED);

		MockHttpServletResponse page = get("cs101-s1-ide.caas.localhost", "/");

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentAsString()).contains("This class is not open").doesNotContain("refresh");
		assertThat(page.getContentType()).isEqualTo("text/html;charset=UTF-8");
	}

	@Test
	void openClassWithABootingRuntimeAnswersStartingAndReloadsIntoTheIde() throws Exception {
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1", Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1"));

		MockHttpServletResponse page = get("cs101-s1-ide.caas.localhost", "/some/path?x=1");

		assertThat(page.getContentAsString()).contains("Your IDE is starting")
			.contains("<meta http-equiv=\"refresh\" content=\"2\">");
		assertThat(page.getHeader("Retry-After")).isEqualTo("2");
	}

	@Test
	void openClassWithAStoppedRuntimeSaysSo() throws Exception {
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1",
				Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1")).state = State.EXITED;

		assertThat(get("cs101-s1-ide.caas.localhost", "/").getContentAsString()).contains("not running");
	}

	@Test
	void aRequestThatPassedForwardAuthWakesAnIdleRuntime() throws Exception {
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1",
				Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1")).state = State.EXITED;
		given(this.wake.wakeIfIdle(any(), eq("s1"), any())).willReturn(Optional.of(IdePage.starting("s1")));

		assertThat(get("cs101-s1-ide.caas.localhost", "/").getContentAsString()).contains("Your IDE is starting");
		verify(this.wake).wakeIfIdle(any(), eq("s1"), any());
	}

	@Test
	void theAnonymousHealthProbeNeverWakesAnIdleRuntimeNorSaysItIsStopped() throws Exception {
		stoppedRuntimeThatWouldWake();

		MockHttpServletResponse probe = get("cs101-s1-ide.caas.localhost", "/healthz?x=1");

		assertThat(probe.getStatus()).isEqualTo(503);
		assertThat(probe.getContentAsString()).contains("Nothing answers here").doesNotContain("not running");
		verify(this.wake, never()).wakeIfIdle(any(), any(), any());
	}

	@Test
	void aRequestMarkedByTheProbeRoutersNeverWakesWhateverItsPath() throws Exception {
		stoppedRuntimeThatWouldWake();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "//healthz");
		request.setServerName("cs101-s1-ide.caas.localhost");
		request.addHeader("X-Caas-Anonymous-Probe", "1");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, mock(FilterChain.class));

		assertThat(response.getContentAsString()).contains("Nothing answers here");
		verify(this.wake, never()).wakeIfIdle(any(), any(), any());
	}

	/**
	 * Forward-auth lets {@code GET /healthz} through without a credential, so anyone can
	 * send it to any IDE host: its answer must not tell a student on a closed class's
	 * roster, a stopped or booting runtime, an unknown student and an unknown class
	 * apart, and it needs no look at the store.
	 */
	@Test
	void anAnonymousProbeGetsTheSameAnswerWhateverTheClassAndStudent() throws Exception {
		room(ClassState.CLOSED);
		List<String> hosts = List.of("cs101-s1-ide.caas.localhost", "cs101-intruder-ide.caas.localhost",
				"nope-s1-ide.caas.localhost", "cs101-s1-p3000.caas.localhost");
		List<String> answers = new ArrayList<>();
		for (String host : hosts) {
			MockHttpServletResponse probe = get(host, "/healthz");
			answers.add(probe.getStatus() + " " + probe.getContentAsString());
		}
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1", Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1"));
		MockHttpServletResponse booting = get("cs101-s1-ide.caas.localhost", "/healthz");
		answers.add(booting.getStatus() + " " + booting.getContentAsString());

		assertThat(answers).hasSize(5).allSatisfy(a -> assertThat(a).startsWith("503 ")).containsOnly(answers.get(0));
		verify(this.classes, never()).findById(any());
		verify(this.wake, never()).wakeIfIdle(any(), any(), any());
	}

	@Test
	void unknownClassOrStudentAnswers404OfOurs() throws Exception {
		room(ClassState.OPEN);

		assertThat(get("cs101-intruder-ide.caas.localhost", "/").getStatus()).isEqualTo(404);
		assertThat(get("nope-s1-ide.caas.localhost", "/").getContentAsString()).contains("No IDE here");
	}

	@Test
	void ideHostNeverReachesTheApiEvenWithForgedIdentity() throws Exception {
		room(ClassState.OPEN);
		FilterChain chain = mock(FilterChain.class);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/classes/cs101/down");
		request.setServerName("cs101-s1-ide.caas.localhost");
		request.addHeader("X-Caas-User", "admin");
		request.addHeader("X-Caas-Roles", "admin");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, chain);

		verify(chain, never()).doFilter(any(), any());
		assertThat(response.getStatus()).isEqualTo(503);

		// the fully qualified name (Traefik routes it like the name without the dot)
		request.setServerName("cs101-s1-ide.caas.localhost.");
		response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		verify(chain, never()).doFilter(any(), any());
		assertThat(response.getStatus()).isEqualTo(503);
	}

	@Test
	void otherHostsPassThrough() throws Exception {
		FilterChain chain = mock(FilterChain.class);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/classes");
		request.setServerName("class-service");

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		verify(chain).doFilter(any(), any());
	}

	@Test
	void aPortThatIsNotSharedSaysSoEvenWhileTheRuntimeRuns() throws Exception {
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1", Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1"));

		MockHttpServletResponse page = get("cs101-s1-p3000.caas.localhost", "/");

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("This port is not shared");
	}

	@Test
	void aSharedPortOfARunningRuntimeThatDoesNotAnswerAsksForAServerAndReloads() throws Exception {
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1", Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1"));
		given(this.shares.isShared("cs101", "s1", 3000)).willReturn(true);

		MockHttpServletResponse page = get("cs101-s1-p3000.caas.localhost", "/app");

		assertThat(page.getStatus()).isEqualTo(502);
		assertThat(page.getContentAsString()).contains("Nothing answers on port 3000 yet").contains("0.0.0.0");
		assertThat(page.getHeader("Retry-After")).isEqualTo("3");
	}

	@Test
	void aSharedPortOfAClosedClassOrStoppedRuntimeGetsTheIdesPageAndWakesIt() throws Exception {
		stoppedRuntimeThatWouldWake();
		given(this.shares.isShared("cs101", "s1", 8000)).willReturn(true);

		assertThat(get("cs101-s1-p8000.caas.localhost", "/").getContentAsString()).contains("Your IDE is starting");
		verify(this.wake).wakeIfIdle(any(), eq("s1"), any());

		room(ClassState.CLOSED);
		assertThat(get("cs101-s1-p8000.caas.localhost", "/").getContentAsString()).contains("This class is not open");
	}

	@Test
	void aSharedPortWhileTheClassOpensGetsTheStartingPageNotTheServerPage() throws Exception {
		room(ClassState.OPENING);
		this.runtime.run("caas-cs101-s1", Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1"));
		given(this.shares.isShared("cs101", "s1", 3000)).willReturn(true);

		assertThat(get("cs101-s1-p3000.caas.localhost", "/").getContentAsString()).contains("Your IDE is starting")
			.doesNotContain("Nothing answers");
	}

	@Test
	void aPortThatIsNotSharedNeverWakesTheRuntime() throws Exception {
		stoppedRuntimeThatWouldWake();

		assertThat(get("cs101-s1-p3000.caas.localhost", "/").getContentAsString()).contains("This port is not shared");
		verify(this.wake, never()).wakeIfIdle(any(), any(), any());
	}

	@Test
	void previewHostsOfUnknownStudentsOrImpossiblePortsAnswer404AndNeverReachTheApi() throws Exception {
		room(ClassState.OPEN);
		given(this.shares.isShared(any(), any(), org.mockito.ArgumentMatchers.anyInt())).willReturn(true);
		FilterChain chain = mock(FilterChain.class);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/classes");
		request.setServerName("cs101-s1-p99999.caas.localhost");
		request.addHeader("X-Caas-User", "admin");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, chain);

		verify(chain, never()).doFilter(any(), any());
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(get("cs101-intruder-p3000.caas.localhost", "/").getStatus()).isEqualTo(404);
	}

	@Test
	void pageTextIsEscaped() {
		String html = IdePage.starting("<script>alert(1)</script>").html();

		assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
	}

	/** An open class whose s1 runtime is stopped, and a wake that would start it. */
	private void stoppedRuntimeThatWouldWake() {
		room(ClassState.OPEN);
		this.runtime.run("caas-cs101-s1",
				Map.of("caas.managed", "true", "caas.class", "cs101", "caas.student", "s1")).state = State.EXITED;
		given(this.wake.wakeIfIdle(any(), any(), any())).willReturn(Optional.of(IdePage.starting("s1")));
	}

	private void room(ClassState state) {
		given(this.classes.findById(any())).willReturn(Optional.empty());
		given(this.classes.findById("cs101")).willReturn(Optional.of(new ClassRoom("cs101", "Intro", "CS", "codeserver",
				"teacher1", List.of("s1"), state, "sess", "op", Instant.EPOCH, 1L)));
	}

	private MockHttpServletResponse get(String host, String path) throws Exception {
		int query = path.indexOf('?');
		MockHttpServletRequest request = new MockHttpServletRequest("GET",
				(query < 0) ? path : path.substring(0, query));
		request.setQueryString((query < 0) ? null : path.substring(query + 1));
		request.setServerName(host);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, mock(FilterChain.class));
		return response;
	}

}
