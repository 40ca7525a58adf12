package io.caas.classes.workspace;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store adapter against real MinIO: the server itself refuses a wrong SHA-256
 * checksum, so a checksum-verified upload is proof of what it holds.
 */
class MinioObjectStoreIT {

	@SuppressWarnings("resource")
	static final GenericContainer<?> minio = new GenericContainer<>(
			DockerImageName.parse("caas-local/minio:20260212-7aac2a2c5b7c"))
		.withLabel("caas.test", "true")
		.withEnv("MINIO_ROOT_USER", "colit")
		.withEnv("MINIO_ROOT_PASSWORD", "colit-secret-123")
		.withExposedPorts(9000)
		.waitingFor(Wait.forHttp("/minio/health/live").forPort(9000).withStartupTimeout(Duration.ofSeconds(60)));

	private static MinioObjectStore store;

	private final String prefix = "col" + UUID.randomUUID().toString().substring(0, 8) + "/";

	@BeforeAll
	static void start() {
		minio.start();
		store = new MinioObjectStore(
				new StorageProperties("http://" + minio.getHost() + ":" + minio.getMappedPort(9000), "colit",
						"colit-secret-123", "us-east-1", "col-store-it"));
		store.ensureBucket();
	}

	@AfterAll
	static void stop() throws Exception {
		store.destroy();
		minio.stop();
	}

	@Test
	void putWithTheRightChecksumIsStored() throws Exception {
		byte[] bytes = "print('hi')\n".getBytes();

		store.put(this.prefix + "a.py", new ByteArrayInputStream(bytes), bytes.length, sha256(bytes));

		assertThat(store.list(this.prefix)).containsExactly(new ObjectStore.Listed(this.prefix + "a.py", bytes.length));
		try (InputStream in = store.open(this.prefix + "a.py")) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
	}

	@Test
	void putWithAWrongChecksumIsRefusedByTheServer() throws Exception {
		byte[] bytes = "print('hi')\n".getBytes();
		byte[] wrong = sha256("print('ho')\n".getBytes());

		assertThatThrownBy(() -> store.put(this.prefix + "b.py", new ByteArrayInputStream(bytes), bytes.length, wrong))
			.isInstanceOf(StorageException.class);
		assertThat(store.list(this.prefix)).isEmpty();
	}

	@Test
	void multipartUploadReadsBackWhatWasSent() throws Exception {
		byte[] big = new byte[VerifiedUpload.SINGLE_PART_MAX * 2 + 123];
		new Random(5).nextBytes(big);

		store.put(this.prefix + "big.bin", new ByteArrayInputStream(big), big.length, null);

		assertThat(store.list(this.prefix).getFirst().size()).isEqualTo(big.length);
		try (InputStream in = store.open(this.prefix + "big.bin")) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(big));
		}
	}

	@Test
	void childrenListsTheNextSegmentOnly() {
		for (String key : List.of("s1/x/a", "s1/y/b", "s2/c")) {
			store.put(this.prefix + key, new ByteArrayInputStream(new byte[] { 1 }), 1, null);
		}

		assertThat(store.children(this.prefix)).containsExactly("s1", "s2");
		assertThat(store.children(this.prefix + "s1/")).containsExactly("x", "y");
	}

	@Test
	void listingsBeforeTheBucketExistsAreEmpty() throws Exception {
		MinioObjectStore fresh = new MinioObjectStore(
				new StorageProperties("http://" + minio.getHost() + ":" + minio.getMappedPort(9000), "colit",
						"colit-secret-123", "us-east-1", "col-never-created"));
		try {
			assertThat(fresh.list(this.prefix)).isEmpty();
			assertThat(fresh.children(this.prefix)).isEmpty();
		}
		finally {
			fresh.destroy();
		}
	}

	private static byte[] sha256(byte[] bytes) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(bytes);
	}

}
