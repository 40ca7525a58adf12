package io.caas.classes.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.caas.classes.runtime.MemoryLimit;
import io.caas.classes.support.FakeContainerRuntime;
import io.caas.classes.support.Fixtures;
import io.caas.classes.template.Template;
import io.caas.common.error.CaasException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity admission on a real Redis, as two class-service instances (each its own
 * Redisson client) sharing one engine see it: admissions requested at the same instant
 * that together do not fit admit exactly one; a wake takes the same lock; runtimes of
 * another installation on the engine count. The engine is the in-memory fake: what is
 * decided here is the arithmetic under the lock, not Docker.
 */
class CapacityAdmissionIT {

	private static final long GIB = 1L << 30;

	private static final int ROUNDS = 10;

	@SuppressWarnings("resource")
	private static final GenericContainer<?> redis = new GenericContainer<>(
			DockerImageName.parse("caas-local/redis:7.0"))
		.withLabel("caas.test", "true")
		.withExposedPorts(6379)
		.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));

	private static RedissonClient one;

	private static RedissonClient two;

	private final FakeContainerRuntime engine = new FakeContainerRuntime();

	private final Template template = Fixtures.codeserver();

	@BeforeAll
	static void start() {
		redis.start();
		one = client();
		two = client();
	}

	@AfterAll
	static void stop() {
		one.shutdown();
		two.shutdown();
		redis.stop();
	}

	@AfterEach
	void clear() {
		one.getKeys().flushall();
	}

	@Test
	void twoOpensAtTheSameInstantThatTogetherDoNotFitAdmitExactlyOne() throws Exception {
		// 3 GiB free: two classes of 2 students (1 GiB each) do not fit together
		for (int round = 0; round < ROUNDS; round++) {
			HostCapacity a = capacity(one, 4);
			HostCapacity b = capacity(two, 4);
			String classA = "rst4a" + round;
			String classB = "rst4b" + round;

			List<Outcome> outcomes = atOnce(() -> open(a, classA), () -> open(b, classB));

			assertThat(outcomes).filteredOn(Outcome::admitted).as("round " + round).hasSize(1);
			Outcome refused = outcomes.stream().filter(o -> !o.admitted()).findFirst().orElseThrow();
			assertThat(refused.problem().code()).isEqualTo("capacity-exceeded");
			assertThat(refused.problem().getMessage()).contains("1 of 2 students would fit");
			assertThat(one.getMapCache(RedisCapacityLedger.RESERVATIONS).size()).isEqualTo(1);
			one.getKeys().flushall();
		}
	}

	@Test
	void aReleasedReservationMakesRoomAgain() {
		HostCapacity a = capacity(one, 4);
		HostCapacity b = capacity(two, 4);
		a.requireOpen("rst4a", "op-a", this.template, List.of("s1", "s2"));
		assertThat(open(b, "rst4b").admitted()).isFalse();

		a.release("rst4a", "op-other");
		assertThat(open(b, "rst4b").admitted()).as("another operation's release leaves it").isFalse();
		a.release("rst4a", "op-a");

		assertThat(open(b, "rst4b").admitted()).isTrue();
	}

	@Test
	void aSecondOpenOfTheSameClassLeavesTheFirstsReservationItsOwn() {
		HostCapacity a = capacity(one, 4);
		HostCapacity b = capacity(two, 4);

		assertThat(a.requireOpen("rst4a", "op-a", this.template, List.of("s1", "s2"))).isTrue();
		// the class is not counted against itself: admitted, but it records nothing,
		// so its failed claim (409) releases nothing
		assertThat(b.requireOpen("rst4a", "op-b", this.template, List.of("s1", "s2"))).isFalse();

		assertThat(one.getMapCache(RedisCapacityLedger.RESERVATIONS).size()).isEqualTo(1);
		assertThat(open(b, "rst4b").admitted()).as("the first open's room stays taken").isFalse();
	}

	@Test
	void twoWakesAtTheSameInstantWithRoomForOneStartExactlyOne() throws Exception {
		HostCapacity a = capacity(one, 4);
		HostCapacity b = capacity(two, 4);
		a.requireOpen("rst4a", "op-a", this.template, List.of("s1", "s2"));
		AtomicInteger started = new AtomicInteger();

		List<Outcome> outcomes = atOnce(() -> wake(a, started), () -> wake(b, started));

		assertThat(outcomes).filteredOn(Outcome::admitted).hasSize(1);
		assertThat(started).hasValue(1);
	}

	@Test
	void runtimesOfAnotherInstallationOnTheEngineCount() {
		this.engine.otherInstallations.add(new MemoryLimit("other1", Map.of("caas.managed", "true", "caas.installation",
				"other", "caas.class", "cs101", "caas.student", "s1"), GIB));

		Outcome refused = open(capacity(one, 4), "rst4a", "s1", "s2", "s3");

		assertThat(refused.admitted()).isFalse();
		assertThat(refused.problem().getMessage()).contains("2 of 3 students would fit");
	}

	private Outcome wake(HostCapacity capacity, AtomicInteger started) {
		try {
			capacity.startIfRoom(this.template, 1, "waking", () -> {
				// the engine sees the woken runtime before the lock is released
				this.engine.otherInstallations.add(new MemoryLimit("woken" + started.incrementAndGet(),
						Map.of("caas.managed", "true", "caas.student", "s9"), GIB));
			});
			return new Outcome(true, null);
		}
		catch (CaasException ex) {
			return new Outcome(false, ex);
		}
	}

	private HostCapacity capacity(RedissonClient redisson, long hostGib) {
		return new HostCapacity(this.engine,
				new CapacityProperties(DataSize.ofGigabytes(1), DataSize.ofBytes(hostGib * GIB), null),
				new RedisCapacityLedger(redisson), Fixtures.installation());
	}

	private Outcome open(HostCapacity capacity, String classId, String... students) {
		try {
			capacity.requireOpen(classId, "op-" + classId, this.template,
					(students.length > 0) ? List.of(students) : List.of("s1", "s2"));
			return new Outcome(true, null);
		}
		catch (CaasException ex) {
			return new Outcome(false, ex);
		}
	}

	@SafeVarargs
	private static List<Outcome> atOnce(Callable<Outcome>... calls) throws Exception {
		CountDownLatch ready = new CountDownLatch(calls.length);
		CountDownLatch go = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(calls.length)) {
			List<Future<Outcome>> futures = new ArrayList<>();
			for (Callable<Outcome> call : calls) {
				futures.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			ready.await();
			go.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> f : futures) {
				outcomes.add(f.get());
			}
			return outcomes;
		}
	}

	private static RedissonClient client() {
		Config config = new Config();
		config.useSingleServer().setAddress("redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
		return Redisson.create(config);
	}

	private record Outcome(boolean admitted, CaasException problem) {
	}

}
