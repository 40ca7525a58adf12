package io.caas.classes.template;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ContainerRuntimeException;
import io.caas.common.error.CaasException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which images a template may run: those of the configured templates (the operator's
 * own), and any image present on the engine that carries the runtime label. Nothing is
 * pulled: an image must already be there.
 */
@Component
class TemplateImages {

	private final ContainerRuntime runtime;

	private final String label;

	private final Set<String> configured;

	TemplateImages(ContainerRuntime runtime, TemplateProperties properties) {
		this.runtime = runtime;
		this.label = properties.imageLabel();
		this.configured = properties.allowed().stream().map(Template::image).collect(Collectors.toSet());
	}

	/** Returns quietly for an allowed image; a 400 problem saying why otherwise. */
	void requireRuntimeImage(String image) {
		if (this.configured.contains(image)) {
			return;
		}
		Optional<Map<String, String>> labels;
		try {
			labels = this.runtime.imageLabels(image);
		}
		catch (ContainerRuntimeException ex) {
			throw new CaasException(HttpStatus.SERVICE_UNAVAILABLE, "engine-unavailable",
					"The container engine cannot be asked about images right now");
		}
		if (labels.isEmpty()) {
			throw CaasException.badRequest("unknown-image",
					"image '" + image + "' is not present on the container engine (nothing is pulled)");
		}
		if (!labels.get().containsKey(this.label)) {
			throw CaasException.badRequest("not-a-runtime-image",
					"image '" + image + "' is not a runtime image: it lacks the label " + this.label);
		}
	}

}
