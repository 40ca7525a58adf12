package io.caas.classes.workspace;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.http.HttpUtils;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@link ObjectStore} on any S3-compatible store through the MinIO client. Uploads
 * stream: the client holds at most one part (5 MiB for files under ~48 GiB) in memory.
 * The SHA-256 checksum header is sent as-is, so the server, not this client, decides
 * whether what it holds is what we hashed.
 *
 * <p>
 * The client runs every call through OkHttp's dispatcher, whose default lets only 5
 * requests per host run at once and keeps 5 idle connections: a close collecting 8
 * students with 4 uploads each would queue behind that. The dispatcher and pool here
 * admit {@link #MAX_REQUESTS} at once.
 */
@Component
class MinioObjectStore implements ObjectStore, DisposableBean {

	static final String CHECKSUM_SHA256 = "x-amz-checksum-sha256";

	/**
	 * Requests in flight to the store at once (per instance), at least provision permits
	 * (8) × upload concurrency (4) plus the collectors' own reads and lists.
	 */
	static final int MAX_REQUESTS = 64;

	private final MinioClient minio;

	private final String bucket;

	MinioObjectStore(StorageProperties properties) {
		this.minio = MinioClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.httpClient(httpClient(), true)
			.build();
		this.bucket = properties.bucket();
	}

	/** The client's defaults (timeouts as set here), with room for a close's uploads. */
	private static OkHttpClient httpClient() {
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(MAX_REQUESTS);
		dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
		return HttpUtils
			.newDefaultHttpClient(TimeUnit.SECONDS.toMillis(10), TimeUnit.MINUTES.toMillis(2),
					TimeUnit.MINUTES.toMillis(2))
			.newBuilder()
			.dispatcher(dispatcher)
			.connectionPool(new ConnectionPool(MAX_REQUESTS, 5, TimeUnit.MINUTES))
			.build();
	}

	@Override
	public void ensureBucket() {
		call("ensure bucket " + this.bucket, () -> {
			if (!this.minio.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build())) {
				try {
					this.minio.makeBucket(MakeBucketArgs.builder().bucket(this.bucket).build());
				}
				catch (ErrorResponseException ex) {
					if (!ex.errorResponse().code().equals("BucketAlreadyOwnedByYou")) {
						throw ex;
					}
				}
			}
			return null;
		});
	}

	@Override
	public void put(String key, InputStream content, long size, byte[] sha256) {
		PutObjectArgs.Builder args = PutObjectArgs.builder()
			.bucket(this.bucket)
			.object(key)
			.stream(content, size, -1)
			.contentType("application/octet-stream");
		if (sha256 != null) {
			args.headers(Map.of(CHECKSUM_SHA256, Base64.getEncoder().encodeToString(sha256)));
		}
		call("upload " + key, () -> this.minio.putObject(args.build()));
	}

	@Override
	public InputStream open(String key) {
		return call("read " + key,
				() -> this.minio.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).build()));
	}

	@Override
	public List<Listed> list(String prefix) {
		return call("list " + prefix, () -> {
			List<Listed> found = new ArrayList<>();
			for (Result<Item> result : this.minio
				.listObjects(ListObjectsArgs.builder().bucket(this.bucket).prefix(prefix).recursive(true).build())) {
				Item item = item(result);
				if (item == null) {
					return List.of();
				}
				found.add(new Listed(item.objectName(), item.size()));
			}
			return found;
		});
	}

	@Override
	public List<String> children(String prefix) {
		return call("list " + prefix, () -> {
			List<String> names = new ArrayList<>();
			for (Result<Item> result : this.minio
				.listObjects(ListObjectsArgs.builder().bucket(this.bucket).prefix(prefix).delimiter("/").build())) {
				Item item = item(result);
				if (item == null) {
					return List.of();
				}
				if (item.isDir()) {
					String name = item.objectName().substring(prefix.length());
					names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
				}
			}
			return names;
		});
	}

	@Override
	public void delete(Collection<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		List<DeleteObject> doomed = keys.stream().map(DeleteObject::new).toList();
		call("delete " + keys.size() + " objects", () -> {
			// the client deletes lazily: iterating the results is what sends the requests
			for (Result<DeleteError> result : this.minio
				.removeObjects(RemoveObjectsArgs.builder().bucket(this.bucket).objects(doomed).build())) {
				DeleteError error = result.get();
				throw new StorageException("delete " + error.objectName() + ": " + error.message());
			}
			return null;
		});
	}

	@Override
	public void destroy() throws Exception {
		this.minio.close();
	}

	/** The listed item; null when the bucket does not exist yet (nothing collected). */
	private static Item item(Result<Item> result) throws Exception {
		try {
			return result.get();
		}
		catch (ErrorResponseException ex) {
			if ("NoSuchBucket".equals(ex.errorResponse().code())) {
				return null;
			}
			throw ex;
		}
	}

	private static <T> T call(String what, StoreCall<T> call) {
		try {
			return call.run();
		}
		catch (StorageException ex) {
			throw ex;
		}
		catch (ErrorResponseException ex) {
			throw new StorageException(what + ": " + ex.errorResponse().code() + " " + ex.errorResponse().message(),
					ex);
		}
		catch (Exception ex) {
			throw new StorageException(what + ": " + ex.getClass().getSimpleName() + " " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface StoreCall<T> {

		T run() throws Exception;

	}

}
