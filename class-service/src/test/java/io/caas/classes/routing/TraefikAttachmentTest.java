package io.caas.classes.routing;

import java.util.Map;

import io.caas.classes.runtime.NetworkSpec;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler calls {@link TraefikAttachment#ensureAttached} for every network of
 * every open class on every pass: it must ask the engine to connect only a Traefik the
 * network does not list (the engine refuses the others after ~11 ms of its CPU each).
 */
class TraefikAttachmentTest {

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final TraefikAttachment attachment = new TraefikAttachment(this.runtime, Fixtures.routing());

	@Test
	void aNetworkTraefikIsOnGetsNoConnectAndARecreatedTraefikIsJoinedAgain() {
		String first = this.runtime.run("traefik", Map.of("caas.role", "traefik")).id;
		this.runtime.ensureNetwork(new NetworkSpec("caas-cs101-s1-net", Map.of("caas.managed", "true"), false));
		this.attachment.attach("caas-cs101-s1-net");
		this.runtime.events.clear();

		this.attachment.ensureAttached("caas-cs101-s1-net");
		assertThat(this.runtime.events).noneMatch(e -> e.startsWith("connect "));

		this.runtime.remove(first);
		String second = this.runtime.run("traefik2", Map.of("caas.role", "traefik")).id;
		this.attachment.ensureAttached("caas-cs101-s1-net");
		assertThat(this.runtime.events).contains("connect caas-cs101-s1-net " + second)
			.doesNotContain("connect caas-cs101-s1-net " + first);
	}

}
