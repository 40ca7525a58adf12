package io.caas.classes.installation;

import io.caas.common.naming.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which CaaS stack this is. Two stacks may share one engine: everything a stack creates
 * carries {@code caas.installation=<id>} and starts its name with the id, and everything
 * it looks for is filtered by that label, so neither ever sees the other's runtimes.
 *
 * @param id installation id ({@code CAAS_INSTALLATION_ID}): lowercase letters and digits,
 * also the first part of every container and network name
 */
@Validated
@ConfigurationProperties("caas.installation")
public record Installation(@NotBlank @Pattern(regexp = Ids.RULE) String id) {

	/** The label every resource of an installation carries. */
	public static final String LABEL = "caas.installation";

	public static Installation of(String id) {
		return new Installation(Ids.require("installation", id));
	}

}
