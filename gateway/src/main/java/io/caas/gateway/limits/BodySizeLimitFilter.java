package io.caas.gateway.limits;

import io.caas.common.error.Problems;
import io.caas.gateway.GatewayProperties;
import io.caas.gateway.error.ProblemWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Caps request bodies before anything reads them: a declared {@code Content-Length} over
 * the limit is refused with 413 at once (the body is never read, the connection is
 * closed), and a body without one (chunked) is counted as it streams through and cut off
 * with 413 when it passes the limit, before a service sees the rest.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter implements WebFilter {

	private final long limit;

	private final ProblemWriter writer;

	BodySizeLimitFilter(GatewayProperties properties, ProblemWriter writer) {
		this.limit = properties.maxBodySize().toBytes();
		this.writer = writer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		if (declared > this.limit) {
			return tooLarge(exchange);
		}
		if (declared >= 0 || !hasBody(request.getHeaders())) {
			return chain.filter(exchange);
		}
		ServerHttpRequest capped = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				long[] seen = { 0 };
				return super.getBody().map(buffer -> {
					seen[0] += buffer.readableByteCount();
					if (seen[0] > BodySizeLimitFilter.this.limit) {
						DataBufferUtils.release(buffer);
						throw new BodyTooLargeException();
					}
					return buffer;
				});
			}
		};
		return chain.filter(exchange.mutate().request(capped).build())
			.onErrorResume(BodySizeLimitFilter::causedByTooLarge, ex -> tooLarge(exchange));
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return this.writer.write(exchange.getResponse(), Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				"Request bodies are limited to " + this.limit + " bytes"));
	}

	private static boolean causedByTooLarge(Throwable error) {
		for (Throwable t = error; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasBody(HttpHeaders headers) {
		return headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	/** Thrown inside the body stream; never leaves this filter. */
	static final class BodyTooLargeException extends RuntimeException {

		BodyTooLargeException() {
			super("request body too large", null, false, false);
		}

	}

}
