package io.caas.gateway;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayPropertiesTest {

	@Test
	void jwksDefaultsToAuthServicesEndpoint() {
		assertThat(properties(null).effectiveJwksUri()).isEqualTo(URI.create("http://auth-service:8081/api/auth/jwks"));
	}

	@Test
	void explicitJwksWins() {
		assertThat(properties(URI.create("http://keys:9000/jwks")).effectiveJwksUri())
			.isEqualTo(URI.create("http://keys:9000/jwks"));
	}

	private static GatewayProperties properties(URI jwks) {
		return new GatewayProperties(URI.create("http://auth-service:8081/"), URI.create("http://user-service:8082"),
				URI.create("http://class-service:8083"), jwks, "caas-auth", "caas_session", "caas.localhost", "http",
				"caas_ide", java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(30),
				org.springframework.util.unit.DataSize.ofMegabytes(1), "");
	}

}
