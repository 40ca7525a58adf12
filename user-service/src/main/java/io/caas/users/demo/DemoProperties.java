package io.caas.users.demo;

import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data, used only with the {@code demo} profile.
 *
 * @param password password of every demo user ({@code DEMO_PASSWORD} or
 * {@code CAAS_DEMO_PASSWORD}); may be empty outside the demo profile (production compose
 * passes none), and the demo seed refuses to run without one
 */
@Validated
@ConfigurationProperties("caas.demo")
record DemoProperties(@Size(max = 72) String password) {

}
