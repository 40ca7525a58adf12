package io.caas.classes.template;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The runtime allowlist's seed. Lists are replaced, not merged, across property sources:
 * to change it from the environment set every field of every entry
 * ({@code CAAS_TEMPLATES_ALLOWED_0_ID}, {@code CAAS_TEMPLATES_ALLOWED_0_IMAGE}, ...); to
 * change only the default image set {@code RUNTIME_IMAGE}.
 *
 * @param allowed templates teachers may open classes with; ids must be unique
 * @param imageLabel label an image must carry before an admin may make a template of it
 * (images of configured templates are trusted as they are)
 * ({@code CAAS_TEMPLATES_IMAGE_LABEL})
 */
@Validated
@ConfigurationProperties("caas.templates")
record TemplateProperties(@NotEmpty List<@Valid Template> allowed, @DefaultValue("caas.runtime") String imageLabel) {

	@ConstructorBinding
	TemplateProperties {
	}

	TemplateProperties(List<Template> allowed) {
		this(allowed, "caas.runtime");
	}

}
