package io.caas.classes.capacity;

import java.util.List;

import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.support.LocalCapacityLedger;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reservation is the open's that recorded it: a duplicate open refused at its claim, or
 * a DOWN ending after the next UP was admitted, leaves it.
 */
class HostCapacityReleaseTest {

	private final FakeContainerRuntime runtime = new FakeContainerRuntime();

	private final LocalCapacityLedger ledger = new LocalCapacityLedger();

	private final HostCapacity capacity = new HostCapacity(this.runtime,
			new CapacityProperties(DataSize.ofGigabytes(2), DataSize.ofBytes(0), null), this.ledger,
			Fixtures.installation());

	@Test
	void onlyTheOperationThatRecordedTheReservationEndsIt() {
		assertThat(this.capacity.requireOpen("fx4a", "up1", Fixtures.codeserver(), List.of("s1", "s2"))).isTrue();
		assertThat(this.capacity.requireOpen("fx4a", "up2", Fixtures.codeserver(), List.of("s1", "s2"))).isFalse();

		this.capacity.releaseQuietly("fx4a", "up2");
		this.capacity.releaseQuietly("fx4a", "down1");

		assertThat(this.ledger.reservations()).hasSize(1);
		this.capacity.releaseQuietly("fx4a", "up1");
		assertThat(this.ledger.reservations()).isEmpty();
	}

}
