package io.caas.gateway.forwardauth;

import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.caas.common.identity.Identity;
import io.caas.common.identity.IdentityHeaders;
import io.caas.gateway.GatewayProperties;
import io.caas.gateway.session.InternalClients;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Whether a teacher teaches a class, asked of class-service with the teacher's own
 * identity ({@code GET /api/classes/{id}} shows a class to its teacher, and names the
 * teacher) and believed for a short while.
 */
@Component
class ClassTeachers {

	private final WebClient classService;

	private final AsyncCache<String, Boolean> cache;

	ClassTeachers(GatewayProperties properties) {
		this.classService = InternalClients.to(properties.classUri().toString());
		this.cache = Caffeine.newBuilder()
			.expireAfterWrite(properties.teacherCacheTtl())
			.maximumSize(10_000)
			.buildAsync();
	}

	Mono<Boolean> teaches(Identity teacher, String classId) {
		return Mono.fromFuture(
				() -> this.cache.get(classId + "/" + teacher.username(), (key, executor) -> ask(teacher, classId)));
	}

	private CompletableFuture<Boolean> ask(Identity teacher, String classId) {
		return this.classService.get()
			.uri("/api/classes/{classId}", classId)
			.header(IdentityHeaders.USER, teacher.username())
			.header(IdentityHeaders.ROLES, teacher.rolesHeader())
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map(view -> teacher.username().equals(view.path("teacher").asString("")))
			.onErrorResume(WebClientResponseException.class,
					ex -> ex.getStatusCode().is4xxClientError() ? Mono.just(false) : Mono.error(ex))
			.defaultIfEmpty(false)
			.toFuture();
	}

}
