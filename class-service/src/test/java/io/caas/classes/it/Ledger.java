package io.caas.classes.it;

import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.caas.classes.support.DockerTestSupport;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a workspace held, as the container itself hashes it, and the proof that storage
 * has every one of those files, byte for byte, in some complete attempt.
 */
final class Ledger {

	static final String WORKSPACE = "/home/student/workspace";

	private Ledger() {
	}

	/** path → sha256 of every regular file in the container's workspace. */
	static Map<String, String> of(DockerTestSupport docker, String containerId) throws InterruptedException {
		String out = docker.exec(containerId, "1000",
				"cd " + WORKSPACE + " && find . -type f -print0 | xargs -0 -r sha256sum");
		Map<String, String> files = new HashMap<>();
		for (String line : out.split("\n")) {
			if (!line.isBlank()) {
				files.put(line.substring(line.indexOf("  ./") + 4), line.substring(0, 64));
			}
		}
		return files;
	}

	/**
	 * Every file of the ledger is listed by a complete attempt of the student with the
	 * same sha256, and the bytes storage returns hash to it.
	 */
	static void assertStored(MinioClient minio, String bucket, String studentPrefix, Map<String, String> ledger)
			throws Exception {
		List<JsonNode> manifests = new ArrayList<>(LifecycleFixtures.manifests(minio, bucket, studentPrefix));
		for (Map.Entry<String, String> written : ledger.entrySet()) {
			JsonNode attempt = manifests.stream()
				.filter(m -> has(m, written.getKey(), written.getValue()))
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						"lost: " + studentPrefix + written.getKey() + " (" + manifests.size() + " attempts)"));
			String key = studentPrefix + attempt.path("attemptId").asString() + "/files/" + written.getKey();
			assertThat(storedSha256(minio, bucket, key)).as(key).isEqualTo(written.getValue());
		}
	}

	private static boolean has(JsonNode manifest, String path, String sha256) {
		for (JsonNode file : manifest.path("files")) {
			if (file.path("path").asString().equals(path) && file.path("sha256").asString().equals(sha256)) {
				return true;
			}
		}
		return false;
	}

	private static String storedSha256(MinioClient minio, String bucket, String key) throws Exception {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(
				minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()), sha256)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

}
