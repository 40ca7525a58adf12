package io.caas.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests each Docker socket proxy must refuse. {@code %victim} is a harmless
 * container the test made, {@code %image} an image the engine has; every name a request
 * could create starts with {@code plt-proxy}, so the test can prove none was created.
 */
final class SocketProxyCases {

	static final String LABELS = "\"Labels\":{\"caas.managed\":\"true\",\"caas.class\":\"pltproxy\"}";

	private SocketProxyCases() {
	}

	record Request(String name, String method, String path, String body, String header) {

		static Request of(String name, String method, String path) {
			return new Request(name, method, path, "", "");
		}

	}

	/** A labelled container create whose HostConfig carries {@code hostConfig}. */
	static Request create(String name, String hostConfig) {
		return new Request(name, "POST", "/v1.41/containers/create?name=plt-proxy-" + name.replaceAll("\\W", ""),
				"{\"Image\":\"%image\",\"Cmd\":[\"true\"]," + LABELS + ",\"HostConfig\":{" + hostConfig + "}}", "");
	}

	/**
	 * Endpoints neither client uses: images, swarm, plugins, volumes, exec, build,
	 * system.
	 */
	static List<Request> commonlyForbidden() {
		return List.of(Request.of("pull an image", "POST", "/v1.41/images/create?fromImage=alpine&tag=latest"),
				Request.of("build an image", "POST", "/v1.41/build?t=plt-proxy-built"),
				Request.of("read swarm", "GET", "/v1.41/swarm"), Request.of("init a swarm", "POST", "/swarm/init"),
				Request.of("list plugins", "GET", "/v1.41/plugins"),
				Request.of("install a plugin", "POST", "/plugins/pull?remote=plt-proxy-plugin"),
				Request.of("list volumes", "GET", "/v1.41/volumes"),
				new Request("create a volume", "POST", "/volumes/create", "{\"Name\":\"plt-proxy-vol\"}", ""),
				new Request("exec in a container", "POST", "/v1.41/containers/%victim/exec",
						"{\"Cmd\":[\"touch\",\"/tmp/plt-proxy-exec\"]}", ""),
				Request.of("commit a container", "POST", "/commit?container=%victim&repo=plt-proxy-commit"),
				Request.of("export a container", "GET", "/v1.41/containers/%victim/export"),
				Request.of("update a container", "POST", "/v1.41/containers/%victim/update"),
				Request.of("rename a container", "POST", "/v1.41/containers/%victim/rename?name=plt-proxy-renamed"),
				Request.of("prune containers", "POST", "/v1.41/containers/prune"),
				Request.of("list secrets", "GET", "/v1.41/secrets"), Request.of("list services", "GET", "/services"),
				Request.of("list nodes", "GET", "/nodes"), Request.of("disk usage", "GET", "/v1.41/system/df"),
				Request.of("session hijack", "POST", "/session"), Request.of("registry login", "POST", "/auth"),
				Request.of("save an image", "GET", "/v1.41/images/%image/get"),
				Request.of("dotted path to swarm", "GET", "/v1.41/containers/json/../../swarm"),
				Request.of("percent-encoded path", "GET", "/v1.41/%73warm"));
	}

	/** Traefik's proxy is read-only: every write, and reads Traefik does not need. */
	static List<Request> traefik() {
		List<Request> cases = new ArrayList<>(commonlyForbidden());
		cases.addAll(List.of(create("privileged root bind", "\"Privileged\":true,\"Binds\":[\"/:/host\"]"),
				create("plain labelled create", ""), Request.of("stop a container", "POST", "/containers/%victim/stop"),
				Request.of("kill a container", "POST", "/v1.41/containers/%victim/kill"),
				Request.of("remove a container", "DELETE", "/v1.41/containers/%victim?force=1"),
				Request.of("read container files", "GET", "/v1.41/containers/%victim/archive?path=/etc"),
				new Request("write container files", "PUT", "/v1.41/containers/%victim/archive?path=/tmp", "x", ""),
				Request.of("read container logs", "GET", "/v1.41/containers/%victim/logs?stdout=1"),
				new Request("create a network", "POST", "/v1.41/networks/create",
						"{\"Name\":\"plt-proxy-net\"," + LABELS + "}", ""),
				Request.of("list images", "GET", "/v1.41/images/json"),
				Request.of("delete an image", "DELETE", "/v1.41/images/%image")));
		return cases;
	}

	/**
	 * class-service's proxy: what the orchestrator never does, and creates that escape.
	 */
	static List<Request> classService() {
		List<Request> cases = new ArrayList<>(commonlyForbidden());
		cases.addAll(List.of(Request.of("delete an image", "DELETE", "/v1.41/images/%image?force=1"),
				Request.of("list images", "GET", "/images/json"),
				Request.of("encoded traversal inside an image inspect", "GET",
						"/v1.41/images/x%2F..%2F..%2Fswarm/json"),
				Request.of("encoded slash outside an image inspect", "GET", "/v1.41/images/x%2Fy/get"),
				Request.of("encoded dot in an image inspect", "GET", "/v1.41/images/%2E%2E%2Fswarm/json"),
				create("privileged", "\"Privileged\":true"), create("privileged lower-case key", "\"privileged\":true"),
				create("privileged escaped key", "\"Privil\\u0065ged\":true"),
				create("bind host root", "\"Binds\":[\"/:/host\"]"),
				create("bind engine socket", "\"Binds\":[\"vol:/data\",\"/var/run/docker.sock:/s.sock\"]"),
				create("bind escaped slash", "\"Binds\":[\"\\/etc:/x\"]"),
				create("bind key with long s", "\"Bind\u017f\":[\"/:/host\"]"),
				create("bind mount", "\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/\",\"Target\":\"/host\"}]"),
				create("volume bound to host path",
						"\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"plt-proxy-vol\",\"Target\":\"/h\","
								+ "\"VolumeOptions\":{\"DriverConfig\":{\"Name\":\"local\",\"Options\":"
								+ "{\"type\":\"none\",\"o\":\"bind\",\"device\":\"/\"}}}}]"),
				create("volumes of the proxy", "\"VolumesFrom\":[\"%victim\"]"),
				create("host pid namespace", "\"PidMode\":\"host\""),
				create("host network", "\"NetworkMode\":\"host\""),
				create("another container's network", "\"NetworkMode\":\"container:%victim\""),
				create("host user namespace", "\"UsernsMode\":\"host\""),
				create("added capability", "\"CapAdd\":[\"SYS_ADMIN\"]"),
				create("capability after a default one", "\"CapAdd\":[\"CHOWN\", \"sys_ptrace\"]"),
				create("every capability", "\"CapAdd\":[\"ALL\"]"),
				create("host device",
						"\"Devices\":[{\"PathOnHost\":\"/dev/mem\",\"PathInContainer\":\"/dev/mem\","
								+ "\"CgroupPermissions\":\"rwm\"}]"),
				create("seccomp off", "\"SecurityOpt\":[\"seccomp=unconfined\"]"),
				create("apparmor off", "\"SecurityOpt\":[\"no-new-privileges\",\"apparmor:unconfined\"]"),
				create("published port", "\"PortBindings\":{\"22/tcp\":[{\"HostPort\":\"2222\"}]}"),
				create("kernel sysctl", "\"Sysctls\":{\"net.ipv4.ip_forward\":\"1\"}"),
				create("cgroup parent", "\"CgroupParent\":\"/\""),
				new Request("unlabelled create", "POST", "/containers/create?name=plt-proxy-unlabelled",
						"{\"Image\":\"%image\",\"Cmd\":[\"true\"]}", ""),
				new Request("chunked create body", "POST", "/containers/create?name=plt-proxy-chunked",
						"{\"Image\":\"%image\"," + LABELS + ",\"HostConfig\":{\"Privileged\":true}}",
						"Transfer-Encoding: chunked"),
				new Request("macvlan network", "POST", "/networks/create",
						"{\"Name\":\"plt-proxy-macvlan\",\"Driver\":\"macvlan\"," + LABELS + "}", ""),
				new Request("swarm-scoped network", "POST", "/networks/create",
						"{\"Name\":\"plt-proxy-swarm\",\"Scope\":\"swarm\",\"Ingress\":true," + LABELS + "}", ""),
				Request.of("prune networks", "POST", "/v1.41/networks/prune"),
				Request.of("streamed container stats", "GET", "/v1.41/containers/%victim/stats"),
				Request.of("streamed stats asked for", "GET", "/v1.41/containers/%victim/stats?stream=1")));
		return cases;
	}

}
