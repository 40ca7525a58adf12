package io.caas.gateway.error;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Writes an RFC 9457 problem straight to a reactive response. Used where no codec-aware
 * handler runs: the security entry points and the gateway's own error handler.
 */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerHttpResponse response, ProblemDetail problem) {
		if (response.isCommitted()) {
			// Headers are gone (e.g. mid-stream SSE failure): nothing sensible can be
			// sent.
			return response.setComplete();
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsBytes(toMap(problem));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/** Flattens {@code properties} as RFC 9457 extension members. */
	static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", problem.getType().toString());
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			map.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			map.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(map::putIfAbsent);
		}
		return map;
	}

}
