package io.caas.e2e;

import java.util.List;

import io.caas.e2e.SocketProxyCases.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Docker socket proxy, asked from inside its real client container over the stack's
 * internal network, refuses every endpoint and request outside its allowlist, lets
 * through what its client needs, and is unreachable from every other container. Nothing a
 * refused request asked for happens on the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocketProxyIT {

	private static final String REFUSAL = "refused by the CaaS Docker socket proxy";

	private static final String CURL = """
			args=(-s --path-as-is -X "$1" -w '\\n%{http_code}' -H 'Content-Type: application/json')
			[ -n "$3" ] && args+=(--data-binary "$3")
			[ -n "$4" ] && args+=(-H "$4")
			exec curl "${args[@]}" "$2"
			""";

	private final Stack stack = Stack.fromSystemProperties();

	private String traefik;

	private String classService;

	private String victim;

	private String image;

	private String victimStarted;

	@BeforeAll
	void findClientsAndMakeAVictim() {
		this.traefik = Docker.composeContainer(this.stack.project(), "traefik");
		this.classService = Docker.composeContainer(this.stack.project(), "class-service");
		this.image = Docker.run("inspect", "-f", "{{.Config.Image}}", this.classService);
		Docker.run("rm", "-f", "plt-proxy-victim");
		this.victim = Docker.run("run", "-d", "--name", "plt-proxy-victim", "--label", "caas.test=plt", "--init",
				"--entrypoint", "sleep", this.image, "600");
		this.victimStarted = Docker.run("inspect", "-f", "{{.State.StartedAt}}", this.victim);
	}

	@AfterAll
	void removeVictim() {
		Docker.run("rm", "-f", "plt-proxy-victim");
	}

	@Test
	void eachProxyRefusesEverythingOutsideItsAllowlistAndNothingHappens() {
		HostileTally tally = new HostileTally("socket-proxy");
		expectAllowed(this.traefik, "socket-proxy-traefik", Request.of("ping", "GET", "/_ping"));
		expectAllowed(this.traefik, "socket-proxy-traefik", Request.of("containers", "GET", "/v1.41/containers/json"));
		expectAllowed(this.classService, "socket-proxy-classes", Request.of("version", "GET", "/v1.41/version"));
		for (Request request : SocketProxyCases.traefik()) {
			refuse(tally, "traefik: " + request.name(), this.traefik, "socket-proxy-traefik", request);
		}
		for (Request request : SocketProxyCases.classService()) {
			refuse(tally, "class-service: " + request.name(), this.classService, "socket-proxy-classes", request);
		}
		String gateway = Docker.composeContainer(this.stack.project(), "gateway");
		unreachable(tally, "gateway -> traefik's proxy", gateway, "socket-proxy-traefik");
		unreachable(tally, "gateway -> class-service's proxy", gateway, "socket-proxy-classes");
		unreachable(tally, "traefik -> class-service's proxy", this.traefik, "socket-proxy-classes");
		unreachable(tally, "class-service -> traefik's proxy", this.classService, "socket-proxy-traefik");

		System.out.println(tally.summary());
		assertThat(tally.accepted()).as(tally.summary()).isEmpty();
		assertThat(tally.tried()).isGreaterThanOrEqualTo(60);
		assertNothingHappened();
	}

	@Test
	void classServiceProxyLetsTheOrchestratorCreateAndRemoveALabelledContainer() {
		Request create = SocketProxyCases.create("allowed",
				"\"NetworkMode\":\"bridge\",\"CapDrop\":[\"ALL\"],\"CapAdd\":[\"CHOWN\",\"SETUID\"],\"PidsLimit\":64");
		ContainerShell.Result created = call(this.classService, "socket-proxy-classes", create);
		assertThat(status(created)).as(created.output()).isEqualTo(201);
		Request remove = Request.of("remove", "DELETE", "/v1.41/containers/plt-proxy-allowed?force=1");
		ContainerShell.Result removed = call(this.classService, "socket-proxy-classes", remove);
		assertThat(status(removed)).as(removed.output()).isEqualTo(204);
	}

	@Test
	void classServiceProxyLetsTheImageReaderCreateReadAndRemove() {
		// as DockerImages.readFile sends it: never started, no network
		Request create = new Request("reader", "POST", "/v1.41/containers/create?name=plt-proxy-reader",
				"{\"Image\":\"%image\",\"NetworkDisabled\":true," + SocketProxyCases.LABELS
						+ ",\"HostConfig\":{\"NetworkMode\":\"none\"}}",
				"");
		try {
			ContainerShell.Result created = call(this.classService, "socket-proxy-classes", create);
			assertThat(status(created)).as(created.output()).isEqualTo(201);
			ContainerShell.Result read = call(this.classService, "socket-proxy-classes",
					Request.of("read", "GET", "/v1.41/containers/plt-proxy-reader/archive?path=/etc/passwd"));
			assertThat(status(read)).as(read.output()).isEqualTo(200);
		}
		finally {
			ContainerShell.Result removed = call(this.classService, "socket-proxy-classes",
					Request.of("remove", "DELETE", "/v1.41/containers/plt-proxy-reader?force=1"));
			assertThat(status(removed)).as(removed.output()).isEqualTo(204);
		}
	}

	@Test
	void traefikListsOnlyItsOwnInstallationsCaasContainersWhateverItAsks() {
		String installation = Docker
			.run("inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", this.classService)
			.lines()
			.filter(line -> line.startsWith("CAAS_INSTALLATION_ID="))
			.map(line -> line.substring("CAAS_INSTALLATION_ID=".length()))
			.findFirst()
			.orElse("caas");
		Docker.run("rm", "-f", "plt-list-own", "plt-list-other");
		try {
			Docker.run("run", "-d", "--name", "plt-list-own", "--label", "caas.managed=true", "--label",
					"caas.installation=" + installation, "--entrypoint", "sleep", this.image, "600");
			Docker.run("run", "-d", "--name", "plt-list-other", "--label", "caas.managed=true", "--label",
					"caas.installation=plt-other", "--entrypoint", "sleep", this.image, "600");
			for (String query : List.of("", "?all=1", "?filters=%7B%7D",
					"?all=1&filters=%7B%22name%22%3A%5B%22plt%22%5D%7D")) {
				ContainerShell.Result listed = call(this.traefik, "socket-proxy-traefik",
						Request.of("list", "GET", "/v1.41/containers/json" + query));
				assertThat(status(listed)).as(query + ": " + listed.output()).isEqualTo(200);
				assertThat(listed.output()).as("list%s", query)
					.contains("/plt-list-own")
					.doesNotContain("/plt-list-other")
					.doesNotContain("/plt-proxy-victim")
					.doesNotContain(this.classService);
			}
		}
		finally {
			Docker.run("rm", "-f", "plt-list-own", "plt-list-other");
		}
	}

	private void refuse(HostileTally tally, String name, String client, String proxy, Request request) {
		ContainerShell.Result result = call(client, proxy, request);
		boolean refused = status(result) == 403 && result.output().contains(REFUSAL);
		tally.record(name, refused, "HTTP " + status(result));
	}

	private void unreachable(HostileTally tally, String name, String client, String proxy) {
		ContainerShell.Result result = call(client, proxy, Request.of("ping", "GET", "/_ping"));
		tally.record(name, !result.ok(), result.ok() ? "answered " + status(result) : "curl exit " + result.exitCode());
	}

	private void expectAllowed(String client, String proxy, Request request) {
		ContainerShell.Result result = call(client, proxy, request);
		assertThat(status(result)).as(proxy + " " + request + ": " + result.output()).isEqualTo(200);
	}

	private ContainerShell.Result call(String client, String proxy, Request request) {
		String path = request.path().replace("%victim", this.victim).replace("%image", this.image);
		String body = request.body().replace("%victim", this.victim).replace("%image", this.image);
		return ContainerShell.sh(client, null, CURL, request.method(), "http://" + proxy + ":2375" + path, body,
				request.header());
	}

	private static int status(ContainerShell.Result result) {
		String[] lines = result.output().split("\n");
		try {
			return result.ok() ? Integer.parseInt(lines[lines.length - 1].trim()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private void assertNothingHappened() {
		assertThat(Docker.run("ps", "-a", "--format", "{{.Names}}", "--filter", "name=plt-proxy-"))
			.isEqualTo("plt-proxy-victim");
		assertThat(Docker.run("network", "ls", "-q", "--filter", "name=plt-proxy")).isEmpty();
		assertThat(Docker.run("volume", "ls", "-q", "--filter", "name=plt-proxy")).isEmpty();
		assertThat(Docker.run("images", "-q", "plt-proxy-*")).isEmpty();
		assertThat(Docker.run("info", "-f", "{{.Swarm.LocalNodeState}}")).isEqualTo("inactive");
		assertThat(Docker.run("inspect", "-f", "{{.State.Running}} {{.State.StartedAt}} {{len .ExecIDs}}", this.victim))
			.isEqualTo("true " + this.victimStarted + " 0");
		assertThat(Docker.run("exec", this.victim, "ls", "/tmp")).doesNotContain("plt-proxy");
	}

}
