package io.caas.classes.workspace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How one student's collection uploads its files: the archive is read in order, and the
 * single-part files it holds go up concurrently from memory, within a byte budget.
 *
 * @param concurrency uploads in flight per collection
 * ({@code CAAS_COLLECTION_UPLOAD_CONCURRENCY})
 * @param bufferBudget bytes of small-file content one collection holds in memory while
 * they wait for or are in an upload; files up to a quarter of it go up concurrently,
 * larger ones one at a time ({@code CAAS_COLLECTION_UPLOAD_BUFFER_BUDGET})
 */
@Validated
@ConfigurationProperties("caas.collection.upload")
public record UploadProperties(@DefaultValue("4") @Min(1) @Max(64) int concurrency,
		@DefaultValue("4MB") @NotNull DataSize bufferBudget) {

	public UploadProperties {
		if (bufferBudget.toBytes() < MIN_BUDGET || bufferBudget.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("caas.collection.upload.buffer-budget must be between 64KB and 2GB");
		}
	}

	private static final long MIN_BUDGET = 64 * 1024;

	/** Defaults, for code that is not bound from configuration. */
	public static UploadProperties defaults() {
		return new UploadProperties(4, DataSize.ofMegabytes(4));
	}

}
