package io.caas.classes.operation;

import java.time.Duration;

import io.caas.classes.roster.ClassAccess;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Operations are visible to whoever may manage their class. */
@RestController
class OperationController {

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private final OperationService operations;

	private final OperationEvents events;

	private final ClassAccess access;

	OperationController(OperationService operations, OperationEvents events, ClassAccess access) {
		this.operations = operations;
		this.events = events;
		this.access = access;
	}

	@GetMapping("/api/operations/{operationId}")
	Operation get(Identity who, @PathVariable String operationId) {
		return require(who, operationId);
	}

	@GetMapping(path = "/api/operations/{operationId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(Identity who, @PathVariable String operationId) {
		require(who, operationId);
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		OperationStream stream = new OperationStream(emitter, operationId, this.operations::find);
		OperationEvents.Subscription subscription = this.events.subscribe(operationId, stream::refresh);
		Runnable end = () -> {
			stream.close();
			subscription.close();
		};
		emitter.onCompletion(end);
		emitter.onTimeout(end);
		emitter.onError(ex -> end.run());
		// subscribed first, then read: a change in between is re-read, never missed
		stream.refresh();
		return emitter;
	}

	private Operation require(Identity who, String operationId) {
		Operation operation = this.operations.find(operationId)
			.orElseThrow(() -> CaasException.notFound("operation", operationId));
		this.access.manageable(who, operation.classId());
		return operation;
	}

}
