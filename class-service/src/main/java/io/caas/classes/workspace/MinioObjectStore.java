package io.caas.classes.workspace;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * {@link ObjectStore} on any S3-compatible store through the MinIO client. Uploads
 * stream: the client holds at most one part (5 MiB for files under ~48 GiB) in memory.
 */
@Component
class MinioObjectStore implements ObjectStore, DisposableBean {

	private final MinioClient minio;

	private final String bucket;

	MinioObjectStore(StorageProperties properties) {
		this.minio = MinioClient.builder()
			.endpoint(properties.endpoint())
			.credentials(properties.accessKey(), properties.secretKey())
			.region(properties.region())
			.build();
		this.minio.setTimeout(TimeUnit.SECONDS.toMillis(10), TimeUnit.MINUTES.toMillis(2),
				TimeUnit.MINUTES.toMillis(2));
		this.bucket = properties.bucket();
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
	public void put(String key, InputStream content, long size) {
		call("upload " + key,
				() -> this.minio.putObject(PutObjectArgs.builder()
					.bucket(this.bucket)
					.object(key)
					.stream(content, size, -1)
					.contentType("application/octet-stream")
					.build()));
	}

	@Override
	public void putMetadata(String key, Map<String, String> userMetadata) {
		// S3 takes metadata only with the upload; a digest known after streaming needs a
		// self-copy
		call("set metadata of " + key,
				() -> this.minio.copyObject(CopyObjectArgs.builder()
					.bucket(this.bucket)
					.object(key)
					.source(CopySource.builder().bucket(this.bucket).object(key).build())
					.metadataDirective(Directive.REPLACE)
					.userMetadata(userMetadata)
					.build()));
	}

	@Override
	public Optional<StoredObject> stat(String key) {
		return call("stat " + key, () -> {
			try {
				StatObjectResponse r = this.minio
					.statObject(StatObjectArgs.builder().bucket(this.bucket).object(key).build());
				String etag = (r.etag() != null) ? r.etag().replace("\"", "") : "";
				return Optional.of(new StoredObject(key, r.size(), r.userMetadata(), etag));
			}
			catch (ErrorResponseException ex) {
				if (ex.errorResponse().code().equals("NoSuchKey")) {
					return Optional.empty();
				}
				throw ex;
			}
		});
	}

	@Override
	public List<String> list(String prefix) {
		return call("list " + prefix, () -> {
			List<String> keys = new ArrayList<>();
			for (Result<Item> item : this.minio
				.listObjects(ListObjectsArgs.builder().bucket(this.bucket).prefix(prefix).recursive(true).build())) {
				keys.add(item.get().objectName());
			}
			return keys;
		});
	}

	@Override
	public void deletePrefix(String prefix) {
		List<DeleteObject> doomed = list(prefix).stream().map(DeleteObject::new).toList();
		if (doomed.isEmpty()) {
			return;
		}
		call("delete " + prefix, () -> {
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
