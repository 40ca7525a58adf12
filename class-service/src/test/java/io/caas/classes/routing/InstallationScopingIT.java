package io.caas.classes.routing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caas.classes.operation.StudentStep;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.support.DockerTestSupport;
import io.caas.classes.support.DumpLogsOnFailure;
import io.caas.classes.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two stacks (two installation ids, each with its own Traefik) on one engine open and
 * close the same class id without touching each other's runtimes, routes or work.
 */
@ExtendWith(DumpLogsOnFailure.class)
class InstallationScopingIT implements DumpLogsOnFailure.OwnsContainers {

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 6);

	private static final String CLASS_ID = "orccs" + RUN;

	private static final String SESSION = "20261126t070000z-orc1";

	private static final TestStack a = new TestStack("orca" + RUN);

	private static final TestStack b = new TestStack("orcb" + RUN);

	private static DockerTestSupport docker;

	@BeforeAll
	static void twoStacks() {
		docker = new DockerTestSupport();
		a.start();
		b.start();
	}

	@AfterAll
	static void tearDown() throws Exception {
		try {
			a.stop();
			b.stop();
		}
		finally {
			docker.sweep(Labels.classSelector(CLASS_ID));
			docker.close();
		}
	}

	@Override
	public Map<String, String> ownedLabels() {
		return Labels.classSelector(CLASS_ID);
	}

	@Test
	void twoInstallationsOpenAndCloseTheSameClassIdWithoutTouchingEachOther() throws Exception {
		assertThat(a.up(CLASS_ID, SESSION, Fixtures.codeserver(), List.of("s1")).students())
			.allMatch(s -> s.state() == StudentStep.READY);
		assertThat(b.up(CLASS_ID, SESSION, Fixtures.codeserver(), List.of("s1")).students())
			.allMatch(s -> s.state() == StudentStep.READY);
		String mine = a.runtime.list(Labels.classSelector(CLASS_ID)).getFirst().id();
		String theirs = b.runtime.list(Labels.classSelector(CLASS_ID)).getFirst().id();
		assertThat(mine).isNotEqualTo(theirs);
		docker.exec(mine, "1000", "echo from-a > /home/student/workspace/a.txt");
		docker.exec(theirs, "1000", "echo from-b > /home/student/workspace/b.txt");
		assertThat(a.get(CLASS_ID, "s1", "/healthz")).startsWith("HTTP/1.1 200");
		assertThat(b.get(CLASS_ID, "s1", "/healthz")).startsWith("HTTP/1.1 200");

		assertThat(a.down(CLASS_ID, SESSION, List.of("s1"))).isEqualTo(ClassState.CLOSED);

		assertThat(a.store.objects.keySet()).anyMatch(k -> k.endsWith("/a.txt")).noneMatch(k -> k.endsWith("/b.txt"));
		assertThat(a.runtime.list(Labels.classSelector(CLASS_ID))).isEmpty();
		assertThat(b.runtime.list(Labels.classSelector(CLASS_ID))).singleElement()
			.satisfies(c -> assertThat(c.id()).isEqualTo(theirs));
		assertThat(b.runtime.listNetworks(Labels.classSelector(CLASS_ID)))
			.containsExactly("orcb" + RUN + "-" + CLASS_ID + "-s1-net");
		assertThat(docker.exec(theirs, "1000", "cat /home/student/workspace/b.txt")).isEqualTo("from-b\n");
		assertThat(b.get(CLASS_ID, "s1", "/healthz")).startsWith("HTTP/1.1 200");
		assertThat(a.get(CLASS_ID, "s1", "/healthz")).startsWith("HTTP/1.1 404");

		assertThat(b.down(CLASS_ID, SESSION, List.of("s1"))).isEqualTo(ClassState.CLOSED);
		assertThat(b.store.objects.keySet()).anyMatch(k -> k.endsWith("/b.txt")).noneMatch(k -> k.endsWith("/a.txt"));
		assertThat(docker.containers(Labels.classSelector(CLASS_ID))).isEmpty();
		assertThat(docker.networks(Labels.classSelector(CLASS_ID))).isEmpty();
	}

}
