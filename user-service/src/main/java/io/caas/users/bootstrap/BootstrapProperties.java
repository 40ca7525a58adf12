package io.caas.users.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A one-shot run that creates an admin and exits ({@code bin/caas-admin create-admin}).
 *
 * @param username the admin to create ({@code CAAS_BOOTSTRAP_USERNAME}); the run is a
 * normal service start when absent
 * @param password their first password ({@code CAAS_BOOTSTRAP_PASSWORD}, 12-72
 * characters); generated and printed once when absent. Either way it must be changed at
 * first sign-in.
 */
@ConfigurationProperties("caas.bootstrap")
record BootstrapProperties(String username, String password) {

}
