package io.caas.classes.capacity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityTest {

	private static final long GIB = 1L << 30;

	@ParameterizedTest(name = "host {0} GiB, reserve {1}, committed {2}, {3} GiB each, {4} runtimes -> fits {5}")
	@CsvSource({
			// host, reserve, committed, per runtime, wanted, fits, admitted
			"24, 2, 0, 1, 20, 22, true", //
			"24, 2, 0, 1, 22, 22, true", //
			"24, 2, 0, 1, 23, 22, false", //
			"24, 2, 10, 1, 20, 12, false", //
			"24, 2, 22, 1, 1, 0, false", //
			"24, 2, 30, 1, 1, 0, false", // committed over the host: nothing free, never
											// negative
			"4, 8, 0, 1, 1, 0, false", // reserve larger than the host
			"24, 2, 0, 2, 11, 11, true", //
			"24, 2, 1, 2, 11, 10, false", //
			"24, 2, 0, 1, 0, 22, true" // nothing to start is always admitted
	})
	void fitsIsFreeMemoryDividedByTheTemplatesLimit(long host, long reserve, long committed, long each, int wanted,
			int fits, boolean admitted) {
		Capacity capacity = new Capacity(host * GIB, reserve * GIB, committed * GIB);

		assertThat(capacity.fits(each * GIB)).isEqualTo(fits);
		assertThat(capacity.admits(wanted, each * GIB)).isEqualTo(admitted);
		assertThat(capacity.free()).isGreaterThanOrEqualTo(0);
	}

}
