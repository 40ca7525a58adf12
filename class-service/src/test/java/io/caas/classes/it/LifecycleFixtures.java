package io.caas.classes.it;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.caas.classes.operation.Operation;
import io.caas.classes.operation.OperationState;
import io.caas.classes.roster.ClassRoom;
import io.caas.classes.lifecycle.ClassState;
import io.caas.classes.lifecycle.Transition;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.awaitility.Awaitility.await;

/**
 * What {@link ClassLifecycleIT} needs besides its tests: request bodies, waits, direct
 * access.
 */
final class LifecycleFixtures {

	private LifecycleFixtures() {
	}

	/** Leaves the class as a crashed instance would: transient, its operation RUNNING. */
	static void crashDuring(MongoTemplate mongo, String classId, ClassState state, String session) {
		String operationId = "crash" + classId;
		mongo.updateFirst(Query.query(Criteria.where("_id").is(classId)),
				new Update().set("state", state).set("operationId", operationId).set("sessionId", session),
				ClassRoom.class);
		mongo.insert(new Operation(operationId, Transition.UP, classId, session, OperationState.RUNNING, null,
				ClassLifecycleIT.TEACHER, Instant.now().minus(Duration.ofMinutes(10)), null, List.of(),
				new Operation.Progress(0, 0), 0));
	}

	static JsonNode awaitFinished(Api api, String operationId) {
		return await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> api.get("/api/operations/" + operationId, ClassLifecycleIT.TEACHER, "teacher").body(),
					op -> !op.path("state").asString().equals("RUNNING"));
	}

	static String body(String classId, List<String> students) {
		String roster = String.join(",", students.stream().map(s -> "\"" + s + "\"").toList());
		return "{\"classId\":\"" + classId + "\",\"name\":\"Integration\",\"subject\":\"cs\","
				+ "\"templateId\":\"codeserver\",\"students\":[" + roster + "]}";
	}

	static MinioClient minio() {
		return MinioClient.builder()
			.endpoint(Infra.minioEndpoint())
			.credentials(Infra.MINIO_USER, Infra.MINIO_PASSWORD)
			.region("us-east-1")
			.build();
	}

	/** The manifest of the newest complete attempt under a student's prefix. */
	static JsonNode latestManifest(MinioClient minio, String bucket, String studentPrefix) throws Exception {
		List<JsonNode> all = manifests(minio, bucket, studentPrefix);
		if (all.isEmpty()) {
			throw new AssertionError("no complete attempt under " + studentPrefix);
		}
		return all.getLast();
	}

	/** Manifests of every complete attempt under a student's prefix, oldest first. */
	static List<JsonNode> manifests(MinioClient minio, String bucket, String studentPrefix) throws Exception {
		List<JsonNode> found = new java.util.ArrayList<>();
		for (Result<Item> item : minio
			.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(studentPrefix).recursive(true).build())) {
			String key = item.get().objectName();
			if (key.endsWith("/manifest.json")) {
				try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
					found.add(JsonMapper.builder().build().readTree(in));
				}
			}
		}
		return found;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
