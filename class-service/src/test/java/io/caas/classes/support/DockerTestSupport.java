package io.caas.classes.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

/**
 * Direct engine access for integration tests: exec into containers, dump logs of what a
 * failed test left, sweep by label.
 */
public final class DockerTestSupport implements AutoCloseable {

	public static final String HOST = "unix:///var/run/docker.sock";

	public static final String RUNTIME_IMAGE = "caas/runtime-codeserver:4.139.1-r2";

	public final DockerClient docker;

	public DockerTestSupport() {
		DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
			.withDockerHost(HOST)
			.withApiVersion("1.41")
			.build();
		this.docker = DockerClientImpl.getInstance(config,
				new ApacheDockerHttpClient.Builder().dockerHost(URI.create(HOST))
					.responseTimeout(Duration.ofMinutes(2))
					.build());
	}

	/**
	 * Runs a shell command in the container as {@code user}; returns stdout, fails on
	 * non-zero.
	 */
	public String exec(String containerId, String user, String script) throws InterruptedException {
		String execId = this.docker.execCreateCmd(containerId)
			.withUser(user)
			.withCmd("sh", "-c", script)
			.withAttachStdout(true)
			.withAttachStderr(true)
			.exec()
			.getId();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
			@Override
			public void onNext(Frame frame) {
				out.writeBytes(frame.getPayload());
			}
		}).awaitCompletion(60, TimeUnit.SECONDS);
		Long exit = this.docker.inspectExecCmd(execId).exec().getExitCodeLong();
		String text = out.toString(StandardCharsets.UTF_8);
		if (exit == null || exit != 0) {
			throw new IllegalStateException("exec '" + script + "' exited " + exit + ": " + text);
		}
		return text;
	}

	public List<Container> containers(Map<String, String> labels) {
		return this.docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
	}

	public List<Network> networks(Map<String, String> labels) {
		return this.docker.listNetworksCmd()
			.withFilter("label", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
			.exec();
	}

	/** Prints the last lines of every matching container's log (for failed tests). */
	public void dumpLogs(Map<String, String> labels) {
		for (Container c : containers(labels)) {
			StringBuilder log = new StringBuilder();
			try {
				this.docker.logContainerCmd(c.getId())
					.withStdOut(true)
					.withStdErr(true)
					.withTail(200)
					.exec(new ResultCallback.Adapter<Frame>() {
						@Override
						public void onNext(Frame frame) {
							log.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
						}
					})
					.awaitCompletion(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			System.err.printf("----- logs of %s (%s, %s) -----%n%s%n", c.getNames()[0], c.getState(), c.getStatus(),
					log);
		}
	}

	/** Removes every matching container, then every matching network. */
	public void sweep(Map<String, String> labels) {
		for (Container c : containers(labels)) {
			try {
				this.docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
			}
			catch (NotFoundException ex) {
				// gone already
			}
		}
		for (Network n : networks(labels)) {
			try {
				Network inspected = this.docker.inspectNetworkCmd().withNetworkId(n.getId()).exec();
				Map<String, Network.ContainerNetworkConfig> endpoints = inspected.getContainers();
				for (String endpoint : (endpoints != null) ? endpoints.keySet() : List.<String>of()) {
					this.docker.disconnectFromNetworkCmd()
						.withNetworkId(n.getId())
						.withContainerId(endpoint)
						.withForce(true)
						.exec();
				}
				this.docker.removeNetworkCmd(n.getId()).exec();
			}
			catch (NotFoundException ex) {
				// gone already
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.docker.close();
	}

}
