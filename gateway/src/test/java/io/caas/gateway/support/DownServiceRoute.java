package io.caas.gateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Adds a route to a port where nothing listens, like a service that has not started,
 * beside the routes from {@code application.yml}.
 */
@TestConfiguration(proxyBeanMethods = false)
class DownServiceRoute {

	@Bean
	RouteLocator downServiceRoute(RouteLocatorBuilder routes) {
		return routes.routes().route("down", r -> r.path("/api/down/**").uri(Peers.deadUrl())).build();
	}

}
