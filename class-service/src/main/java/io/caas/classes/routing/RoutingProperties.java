package io.caas.classes.routing;

import io.caas.common.identity.ProbeCredential;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How student IDEs are published through Traefik.
 *
 * @param domainSuffix domain under which IDE hosts live ({@code DOMAIN_SUFFIX})
 * @param publicScheme scheme of the public IDE URLs ({@code http} locally, {@code https}
 * behind a TLS tunnel)
 * @param publicPort port of the public IDE URLs ({@code HTTP_PORT}); omitted from URLs
 * when it is the scheme's default
 * @param publicUrlTemplate when not blank, overrides scheme and port: {@code {host}} is
 * replaced by the IDE host, e.g. {@code https://{host}}
 * @param entrypoint Traefik entrypoint the IDE routers attach to
 * @param traefikSelectorLabel {@code key=value} label that finds Traefik's own container
 * (connected to each student network)
 * @param probeUrl base URL of the edge (Traefik) as class-service reaches it, e.g.
 * {@code http://traefik:80}; a student is READY once their IDE answers there by its
 * hostname. Blank: no probe, a running runtime counts as ready
 * @param probePath path probed on the IDE host; it must be one the IDE's forward-auth
 * lets through with the probe token and whose answer only the IDE gives
 * @param probeToken the readiness probes' shared secret ({@code PROBE_TOKEN}, see
 * {@link ProbeCredential}): sent with every probe, matched by Traefik's probe routers and
 * checked by the gateway's forward-auth. Required when there is a probe URL
 */
@Validated
@ConfigurationProperties("caas.routing")
public record RoutingProperties(@NotBlank String domainSuffix,
		@NotBlank @Pattern(regexp = "https?") String publicScheme, @Min(1) @Max(65535) int publicPort,
		String publicUrlTemplate, @NotBlank String entrypoint,
		@NotBlank @Pattern(regexp = "^[^=]+=.+$") String traefikSelectorLabel, String probeUrl,
		@NotBlank @Pattern(regexp = "^/.*") String probePath,
		@Pattern(regexp = ProbeCredential.SETTING_REGEX) String probeToken) {

	/** Probes without the token would be anonymous requests, refused like any other. */
	@AssertTrue(message = "caas.routing.probe-token (PROBE_TOKEN) must be set when caas.routing.probe-url is")
	public boolean isProbeTokenSetWhenProbing() {
		return !probes() || hasProbeToken();
	}

	/** Whether IDEs are probed through the edge at all. */
	public boolean probes() {
		return this.probeUrl != null && !this.probeUrl.isBlank();
	}

	public boolean hasProbeToken() {
		return this.probeToken != null && !this.probeToken.isBlank();
	}

	public String traefikLabelKey() {
		return this.traefikSelectorLabel.substring(0, this.traefikSelectorLabel.indexOf('='));
	}

	public String traefikLabelValue() {
		return this.traefikSelectorLabel.substring(this.traefikSelectorLabel.indexOf('=') + 1);
	}

}
