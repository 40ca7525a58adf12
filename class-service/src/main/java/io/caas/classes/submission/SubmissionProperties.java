package io.caas.classes.submission;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed links to single submitted files.
 *
 * @param linkSecret HMAC key of the links ({@code CAAS_SUBMISSIONS_LINK_SECRET}); empty
 * means a random key per instance, so links work only on the instance that made them
 * @param linkTtl how long a link is valid, at most 5 minutes
 * ({@code CAAS_SUBMISSIONS_LINK_TTL})
 */
@Validated
@ConfigurationProperties("caas.submissions")
record SubmissionProperties(@DefaultValue("") String linkSecret, @DefaultValue("5m") @NotNull Duration linkTtl) {

	SubmissionProperties {
		if (linkTtl.isNegative() || linkTtl.isZero() || linkTtl.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("caas.submissions.link-ttl must be within (0, 5m], got " + linkTtl);
		}
	}

	@Override
	public String toString() {
		return "SubmissionProperties[linkTtl=" + this.linkTtl + "]";
	}

}
