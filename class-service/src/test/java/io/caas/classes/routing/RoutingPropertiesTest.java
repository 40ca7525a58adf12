package io.caas.classes.routing;

import java.util.Set;

import io.caas.classes.support.Fixtures;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What class-service refuses to start with (its properties are {@code @Validated}): a
 * probe URL without the probe token would make every readiness probe an anonymous
 * request, refused like any other, so no student would ever be READY.
 */
class RoutingPropertiesTest {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aProbeUrlNeedsTheProbeToken() {
		assertThat(violations("http://traefik:80", "")).containsExactly("probeTokenSetWhenProbing");
		assertThat(violations("http://traefik:80", null)).containsExactly("probeTokenSetWhenProbing");
		assertThat(violations("http://traefik:80", Fixtures.PROBE_TOKEN)).isEmpty();
	}

	@Test
	void withoutAProbeUrlNoTokenIsNeeded() {
		assertThat(violations("", "")).isEmpty();
	}

	@Test
	void aTokenThatCouldNotSitInATraefikRuleIsRefused() {
		assertThat(violations("http://traefik:80", "abcdefgh`) || Host(`x")).containsExactly("probeToken");
		assertThat(violations("http://traefik:80", "short")).containsExactly("probeToken");
	}

	private static Set<String> violations(String probeUrl, String probeToken) {
		RoutingProperties routing = new RoutingProperties("caas.localhost", "http", 80, "", "web", "caas.role=traefik",
				probeUrl, "/healthz", probeToken);
		return validator.validate(routing)
			.stream()
			.map(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.collect(java.util.stream.Collectors.toSet());
	}

}
