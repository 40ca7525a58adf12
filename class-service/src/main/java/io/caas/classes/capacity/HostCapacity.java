package io.caas.classes.capacity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.RuntimeContainer;
import io.caas.classes.template.Template;
import io.caas.classes.template.TemplateCatalog;
import io.caas.common.error.CaasException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Admission before an open or a wake: the template's memory limit for every runtime to
 * start, against what the host can give ({@link Capacity}). The engine is asked each
 * time, so runtimes started or removed meanwhile, by any instance, count.
 */
@Component
public class HostCapacity {

	private static final Logger log = LoggerFactory.getLogger(HostCapacity.class);

	private final ContainerRuntime runtime;

	private final TemplateCatalog templates;

	private final CapacityProperties properties;

	public HostCapacity(ContainerRuntime runtime, TemplateCatalog templates, CapacityProperties properties) {
		this.runtime = runtime;
		this.templates = templates;
		this.properties = properties;
	}

	/** What the host can give right now. */
	public Capacity now() {
		long host = this.properties.hostMemory().toBytes();
		if (host <= 0) {
			host = this.runtime.hostMemoryBytes();
		}
		long committed = 0;
		for (RuntimeContainer c : this.runtime.list(Labels.managedSelector())) {
			if (c.state() == RuntimeContainer.State.RUNNING || c.state() == RuntimeContainer.State.RESTARTING
					|| c.state() == RuntimeContainer.State.CREATED) {
				committed += Optional.ofNullable(c.label(Labels.TEMPLATE))
					.flatMap(this.templates::find)
					.map(Template::memoryBytes)
					.orElse(0L);
			}
		}
		return new Capacity(host, this.properties.reserve().toBytes(), committed);
	}

	/**
	 * Admission of an open: every student of the roster without a running runtime needs
	 * one (an open class that heals counts only the missing ones).
	 */
	public void requireOpen(String classId, Template template, List<String> students) {
		Set<String> running = this.runtime.list(Labels.classSelector(classId))
			.stream()
			.filter((c) -> c.state() == RuntimeContainer.State.RUNNING)
			.map((c) -> c.label(Labels.STUDENT))
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		int count = (int) students.stream().filter((s) -> !running.contains(s)).count();
		require(template, count, "opening class '" + classId + "'");
	}

	/**
	 * Refuses (409 {@code capacity-exceeded}, saying how many would fit) unless
	 * {@code count} runtimes of the template fit now.
	 */
	public void require(Template template, int count, String what) {
		if (count <= 0) {
			return;
		}
		Capacity capacity = now();
		if (capacity.admits(count, template.memoryBytes())) {
			return;
		}
		int fits = capacity.fits(template.memoryBytes());
		log.info("capacity refused what={} runtimes={} fits={} freeBytes={}", what, count, fits, capacity.free());
		throw CaasException.conflict("capacity-exceeded",
				"the host has room for " + fits + " more runtime" + ((fits == 1) ? "" : "s") + " of template '"
						+ template.id() + "' (" + template.memory() + " each), not the " + count + " " + what
						+ " needs: " + fits + " of " + count + " students would fit");
	}

}
