package io.caas.classes.capacity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * Baseline: class a (this installation) reserved 4 GiB and has 1 of its runtimes
	 * running (1 GiB); each row changes one thing. Committed counts per owner the larger
	 * of its running runtimes and its reservation.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					baseline: a's partly created open counts its reservation once          | i/a=1        | i/a=4        |      | 4
					a fully created: running equals the reservation                        | i/a=1+1+1+1  | i/a=4        |      | 4
					a grew past its reservation (heal): the running limits count           | i/a=1+1+1+1+1| i/a=4        |      | 5
					no reservation (open done): running only                              | i/a=1        |              |      | 1
					a runtime of another installation on the engine counts                 | i/a=1;j/a=2  | i/a=4        |      | 6
					another installation's reservation in a shared Redis counts            | i/a=1        | i/a=4;j/b=3  |      | 7
					a reservation with nothing running yet counts whole                    |              | i/a=4;i/b=2  |      | 6
					the owner being admitted is left out (its request replaces it)        | i/a=1;i/b=2  | i/a=4        | i/a  | 2
					the owner left out keeps others' runtimes and reservations             | i/a=1;j/b=2  | i/a=4;i/c=1  | i/a  | 3
					""")
	void committedIsPerOwnerTheLargerOfRunningAndReserved(String row, String running, String reserved, String excluded,
			long committedGib) {
		assertThat(Capacity.committed(usage(running), reservations(reserved), excluded)).as(row)
			.isEqualTo(committedGib * GIB);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					two classes of 2 on 3 GiB free: the second open sees the first's reservation | 4 | 1 | i/a=2 | i/b | 2 | 1 | false
					the same open alone                                                           | 4 | 1 |       | i/b | 2 | 3 | true
					a heal of a class already reserved is not counted twice                       | 4 | 1 | i/a=2 | i/a | 3 | 3 | true
					""")
	void anOpenIsAdmittedAgainstEverythingCommittedByOthers(String row, long host, long reserve, String reserved,
			String owner, int students, int fits, boolean admitted) {
		Capacity capacity = Capacity.of(host * GIB, reserve * GIB, List.of(), reservations(reserved), owner);

		assertThat(capacity.fits(GIB)).as(row).isEqualTo(fits);
		assertThat(capacity.admits(students, GIB)).as(row).isEqualTo(admitted);
	}

	private static List<Capacity.Usage> usage(String spec) {
		List<Capacity.Usage> usage = new ArrayList<>();
		if (spec == null) {
			return usage;
		}
		for (String entry : spec.split(";")) {
			String[] kv = entry.split("=");
			for (String gib : kv[1].split("\\+")) {
				usage.add(new Capacity.Usage(kv[0].trim(), Long.parseLong(gib.trim()) * GIB));
			}
		}
		return usage;
	}

	private static Map<String, Long> reservations(String spec) {
		Map<String, Long> reserved = new HashMap<>();
		if (spec == null) {
			return reserved;
		}
		for (String entry : spec.split(";")) {
			String[] kv = entry.split("=");
			reserved.put(kv[0].trim(), Long.parseLong(kv[1].trim()) * GIB);
		}
		return reserved;
	}

}
