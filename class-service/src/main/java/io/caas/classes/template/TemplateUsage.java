package io.caas.classes.template;

/**
 * How many classes use a template; implemented where classes live, so this package does
 * not depend on them.
 */
public interface TemplateUsage {

	long classesUsing(String templateId);

}
