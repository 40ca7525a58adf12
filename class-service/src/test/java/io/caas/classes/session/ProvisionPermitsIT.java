package io.caas.classes.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared provision permits on a real Redis, as two instances see them: an instance
 * killed while it holds permits does not keep them beyond one lease (the next open
 * proceeds), while a live holder that works longer than the lease keeps its permit.
 */
class ProvisionPermitsIT {

	private static final long LEASE_MILLIS = 1_000;

	@SuppressWarnings("resource")
	private static final GenericContainer<?> redis = new GenericContainer<>(
			DockerImageName.parse("caas-local/redis:7.0"))
		.withLabel("caas.test", "true")
		.withExposedPorts(6379)
		.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));

	private final String name = "caas:it-permits:" + UUID.randomUUID();

	@BeforeAll
	static void start() {
		redis.start();
	}

	@AfterAll
	static void stop() {
		redis.stop();
	}

	@Test
	void permitsOfAnInstanceKilledWhileHoldingThemComeBack() throws Exception {
		RedissonClient dead = client();
		RedisProvisionPermits crashed = new RedisProvisionPermits(dead.getPermitExpirableSemaphore(this.name), 2,
				LEASE_MILLIS);
		List<ProvisionPermits.Permit> held = new ArrayList<>();
		held.add(crashed.acquire());
		held.add(crashed.acquire());
		// killed: no release, no renewal, no connection any more
		crashed.destroy();
		dead.shutdown();

		RedissonClient survivor = client();
		try {
			RedisProvisionPermits next = new RedisProvisionPermits(survivor.getPermitExpirableSemaphore(this.name), 2,
					LEASE_MILLIS);
			CompletableFuture<ProvisionPermits.Permit> permit = CompletableFuture.supplyAsync(() -> acquire(next));
			assertThat(permit.get(60, TimeUnit.SECONDS)).as("a permit for the instance that lives on").isNotNull();
			permit.get().close();
			next.destroy();
		}
		finally {
			survivor.shutdown();
		}
		assertThat(held).hasSize(2);
	}

	@Test
	void aChangedSettingResizesTheSemaphoreOnTheFirstWait() throws Exception {
		RedissonClient client = client();
		try {
			RedisProvisionPermits before = new RedisProvisionPermits(client.getPermitExpirableSemaphore(this.name), 2,
					LEASE_MILLIS);
			before.acquire().close();
			before.destroy();
			RedisProvisionPermits after = new RedisProvisionPermits(client.getPermitExpirableSemaphore(this.name), 5,
					LEASE_MILLIS);
			ProvisionPermits.Permit permit = after.acquire();

			assertThat(client.getPermitExpirableSemaphore(this.name).getPermits()).isEqualTo(5);
			assertThat(client.getPermitExpirableSemaphore(this.name).availablePermits()).isEqualTo(4);
			permit.close();
			after.destroy();
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void aHolderWorkingLongerThanTheLeaseKeepsItsPermit() throws Exception {
		RedissonClient a = client();
		RedissonClient b = client();
		try {
			RedisProvisionPermits holder = new RedisProvisionPermits(a.getPermitExpirableSemaphore(this.name), 1,
					LEASE_MILLIS);
			ProvisionPermits.Permit permit = holder.acquire();
			Thread.sleep(Duration.ofMillis(LEASE_MILLIS * 4));
			assertThat(b.getPermitExpirableSemaphore(this.name).tryAcquire())
				.as("the only permit, renewed by its live holder")
				.isNull();
			permit.close();
			String freed = b.getPermitExpirableSemaphore(this.name).tryAcquire();
			assertThat(freed).as("released on close").isNotNull();
			holder.destroy();
		}
		finally {
			a.shutdown();
			b.shutdown();
		}
	}

	private static ProvisionPermits.Permit acquire(RedisProvisionPermits permits) {
		try {
			return permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static RedissonClient client() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
		return Redisson.create(config);
	}

}
