package io.caas.classes.workspace;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The S3-compatible store workspaces are saved to.
 *
 * @param endpoint S3 endpoint URL ({@code CAAS_STORAGE_ENDPOINT})
 * @param accessKey access key ({@code CAAS_STORAGE_ACCESS_KEY})
 * @param secretKey secret key ({@code CAAS_STORAGE_SECRET_KEY})
 * @param region region sent in signatures
 * @param bucket bucket holding one object per workspace file, created when missing
 */
@Validated
@ConfigurationProperties("caas.storage")
record StorageProperties(@NotBlank String endpoint, @NotBlank String accessKey, @NotBlank String secretKey,
		@NotBlank String region, @NotBlank String bucket) {

	@Override
	public String toString() {
		return "StorageProperties[endpoint=" + this.endpoint + ", bucket=" + this.bucket + "]";
	}

}
