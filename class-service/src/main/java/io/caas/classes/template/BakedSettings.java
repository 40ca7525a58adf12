package io.caas.classes.template;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.caas.classes.routing.Labels;
import io.caas.classes.runtime.ContainerRuntime;
import io.caas.classes.runtime.ImageFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether an image already holds exactly the settings file its runtimes would get; then
 * nothing needs copying into each runtime: one engine call and one archive extraction
 * less per student, while a whole class starts at once. The image's file is read once per
 * image id, from a container created from the image and never started. Any doubt (a
 * failed read, an image re-tagged meanwhile, a file that is not JSON) answers no, and the
 * file is written as before.
 */
class BakedSettings {

	private static final Logger log = LoggerFactory.getLogger(BakedSettings.class);

	static final String PATH = EditorSettings.MACHINE_DIR + "/" + EditorSettings.FILE;

	/** Labels of the short-lived reader container (never started, removed at once). */
	static final Map<String, String> READER = Map.of(Labels.MANAGED, "true", "caas.image-reader", "true");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ContainerRuntime runtime;

	private final Map<String, Optional<JsonNode>> byImageId = new ConcurrentHashMap<>();

	BakedSettings(ContainerRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Whether {@code image} already holds a settings file equal (as JSON) to
	 * {@code json}.
	 */
	boolean holds(String image, byte[] json) {
		try {
			String id = this.runtime.imageId(image).orElse(null);
			if (id == null) {
				return false;
			}
			Optional<JsonNode> baked = this.byImageId.get(id);
			if (baked == null) {
				ImageFile file = this.runtime.readImageFile(image, PATH, READER).orElse(null);
				if (file == null || !id.equals(file.imageId())) {
					return false;
				}
				baked = parse(file.content());
				this.byImageId.put(id, baked);
			}
			return baked.map(parse(json).orElseThrow()::equals).orElse(false);
		}
		catch (RuntimeException ex) {
			log.warn("editor settings: could not read the image's own image={} reason={}", image, ex.getMessage());
			return false;
		}
	}

	private static Optional<JsonNode> parse(byte[] content) {
		if (content == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readTree(content));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
