package io.caas.classes.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.caas.classes.runtime.ImageFile;
import io.caas.classes.support.FakeContainerRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BakedSettingsTest {

	private final Engine engine = new Engine();

	private final BakedSettings baked = new BakedSettings(this.engine);

	private final byte[] classroom = EditorSettings.json(EditorDefaults.CLASSROOM);

	@Test
	void anImageHoldingTheSameJsonNeedsNoCopyAndIsReadOncePerImageId() {
		this.engine.file = "{\n\"telemetry.telemetryLevel\":\"off\"}".getBytes(StandardCharsets.UTF_8);
		byte[] same = "{ \"telemetry.telemetryLevel\" : \"off\" }".getBytes(StandardCharsets.UTF_8);

		assertThat(this.baked.holds("img", same)).isTrue();
		assertThat(this.baked.holds("img", same)).isTrue();
		assertThat(this.baked.holds("img", this.classroom)).isFalse();

		assertThat(this.engine.reads).containsExactly("img");
		assertThat(this.engine.readerLabels).containsEntry("caas.managed", "true")
			.containsEntry("caas.image-reader", "true");
	}

	@Test
	void aRebuiltImageIsReadAgain() {
		this.engine.file = this.classroom;
		assertThat(this.baked.holds("img", this.classroom)).isTrue();

		this.engine.id = "sha256:rebuilt";
		this.engine.file = "{}".getBytes(StandardCharsets.UTF_8);

		assertThat(this.baked.holds("img", this.classroom)).isFalse();
		assertThat(this.engine.reads).hasSize(2);
	}

	@Test
	void anyDoubtMeansTheFileIsWritten() {
		this.engine.file = this.classroom;
		this.engine.readId = "sha256:retagged-meanwhile";
		assertThat(this.baked.holds("img", this.classroom)).as("re-tagged between the two reads").isFalse();

		this.engine.readId = null;
		this.engine.file = null;
		assertThat(this.baked.holds("img2", this.classroom)).as("no such file").isFalse();

		this.engine.file = "not json".getBytes(StandardCharsets.UTF_8);
		assertThat(this.baked.holds("img3", this.classroom)).as("not JSON").isFalse();

		this.engine.fail = true;
		assertThat(this.baked.holds("img4", this.classroom)).as("engine failure").isFalse();

		this.engine.fail = false;
		this.engine.id = null;
		assertThat(this.baked.holds("img5", this.classroom)).as("image not on the engine").isFalse();
	}

	private static final class Engine extends FakeContainerRuntime {

		String id = "sha256:one";

		String readId;

		byte[] file;

		boolean fail;

		final List<String> reads = new ArrayList<>();

		Map<String, String> readerLabels;

		@Override
		public Optional<String> imageId(String image) {
			return Optional.ofNullable(this.id);
		}

		@Override
		public Optional<ImageFile> readImageFile(String image, String path, Map<String, String> labels) {
			if (this.fail) {
				throw new IllegalStateException("engine down");
			}
			assertThat(path).isEqualTo(EditorSettings.MACHINE_DIR + "/settings.json");
			this.reads.add(image);
			this.readerLabels = labels;
			return Optional.of(new ImageFile((this.readId != null) ? this.readId : this.id, this.file));
		}

	}

}
