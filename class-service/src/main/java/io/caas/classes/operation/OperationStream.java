package io.caas.classes.operation;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes one operation to one SSE client: the current state at once, then every newer
 * state ({@code progress}), then {@code done} and the end of the stream.
 */
final class OperationStream {

	private final SseEmitter emitter;

	private final String operationId;

	private final Function<String, Optional<Operation>> loader;

	private long lastSent = -1;

	private boolean closed;

	OperationStream(SseEmitter emitter, String operationId, Function<String, Optional<Operation>> loader) {
		this.emitter = emitter;
		this.operationId = operationId;
		this.loader = loader;
	}

	synchronized void refresh() {
		if (this.closed) {
			return;
		}
		Optional<Operation> found = this.loader.apply(this.operationId);
		if (found.isEmpty()) {
			return;
		}
		Operation operation = found.get();
		try {
			if (operation.seq() > this.lastSent) {
				this.lastSent = operation.seq();
				this.emitter.send(SseEmitter.event()
					.name("progress")
					.id(Long.toString(operation.seq()))
					.data(operation, MediaType.APPLICATION_JSON));
			}
			if (!operation.isRunning()) {
				this.closed = true;
				this.emitter.send(SseEmitter.event().name("done").data(operation, MediaType.APPLICATION_JSON));
				this.emitter.complete();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away; the emitter's completion callbacks unsubscribe
			this.closed = true;
		}
	}

	synchronized void close() {
		this.closed = true;
	}

}
