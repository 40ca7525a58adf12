package io.caas.users.demo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data, used only with the {@code demo} profile.
 *
 * @param password password of every demo user ({@code DEMO_PASSWORD} or
 * {@code CAAS_DEMO_PASSWORD})
 */
@Validated
@ConfigurationProperties("caas.demo")
record DemoProperties(@NotBlank @Size(max = 72) String password) {

}
