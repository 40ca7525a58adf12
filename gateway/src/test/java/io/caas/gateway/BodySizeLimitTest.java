package io.caas.gateway;

import java.util.Arrays;

import io.caas.gateway.support.GatewayTestSupport;
import io.caas.gateway.support.Peers;
import io.caas.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;

/** Bodies over 1 MiB are refused with 413 at the gateway, declared or streamed. */
class BodySizeLimitTest extends GatewayTestSupport {

	@Test
	void bodyJustUnderTheLimitIsForwarded() {
		this.client.post()
			.uri(Peers.UPLOAD)
			.headers(h -> h.setBearerAuth(TestTokens.valid("teacher1", "teacher")))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(filled(1024 * 1024))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.received")
			.isEqualTo(1024 * 1024);
	}

	@Test
	void declaredContentLengthOverTheLimitIsContentTooLargeProblem() {
		assertProblem(this.client.post()
			.uri(Peers.UPLOAD)
			.headers(h -> h.setBearerAuth(TestTokens.valid("student1", "student")))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(filled(1024 * 1024 + 1))
			.exchange(), 413, "payload-too-large");
	}

	@Test
	void declaredContentLengthOverTheLimitIsRefusedEvenWithoutAToken() {
		assertProblem(this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(filled(2 * 1024 * 1024))
			.exchange(), 413, "payload-too-large");
	}

	@Test
	void chunkedBodyIsCutOffOnceItPassesTheLimit() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> buffers.wrap(filled(64 * 1024)));
		assertProblem(this.client.post()
			.uri(Peers.UPLOAD)
			.headers(h -> h.setBearerAuth(TestTokens.valid("teacher1", "teacher")))
			.contentType(MediaType.TEXT_PLAIN)
			.body(chunks, DataBuffer.class)
			.exchange(), 413, "payload-too-large");
	}

	private static byte[] filled(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'a');
		return bytes;
	}

}
