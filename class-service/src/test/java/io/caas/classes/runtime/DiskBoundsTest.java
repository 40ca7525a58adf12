package io.caas.classes.runtime;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiskBoundsTest {

	@Test
	void driversWithAPerContainerSizeCanBoundARuntimesDisk() {
		assertThat(DiskBounds.canBound("btrfs", List.of())).isTrue();
		assertThat(DiskBounds.canBound("zfs", null)).isTrue();
		assertThat(DiskBounds.canBound("overlay2", List.of(List.of("Backing Filesystem", "xfs")))).isTrue();
	}

	@Test
	void overlayOnExtfsAndUnknownDriversCannot() {
		assertThat(DiskBounds.canBound("overlay2", List.of(List.of("Backing Filesystem", "extfs")))).isFalse();
		assertThat(DiskBounds.canBound("overlay2", null)).isFalse();
		assertThat(DiskBounds.canBound("vfs", List.of())).isFalse();
		assertThat(DiskBounds.canBound(null, List.of())).isFalse();
	}

}
