package io.caas.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every failure that reaches the web handler as problem+json. Ordered before
 * Boot's default handler, which would otherwise answer HTML or its own JSON shape.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private final ProblemWriter writer;

	ProblemErrorHandler(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		ProblemDetail problem = GatewayErrors.toProblem(error, request.getMethod().name(), path);
		if (problem.getStatus() >= 500) {
			log.warn("{} {} failed with {}: {}", request.getMethod(), path, problem.getStatus(), error.toString());
		}
		return this.writer.write(exchange.getResponse(), problem);
	}

}
