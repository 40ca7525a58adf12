package io.caas.classes.workspace;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's HTTP client lets a close's uploads run at once: OkHttp's default dispatcher
 * admits only 5 requests per host, so 8 students × 4 uploads would wait in its queue.
 */
class MinioObjectStoreTest {

	private static final int UPLOADS = 32;

	@Test
	void putWhenAClosesUploadsRunAtOnceThenAllReachTheStoreTogether() throws Exception {
		CountDownLatch allArrived = new CountDownLatch(UPLOADS);
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		AtomicBoolean gaveUp = new AtomicBoolean();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		ExecutorService serverThreads = Executors.newFixedThreadPool(UPLOADS + 8);
		server.setExecutor(serverThreads);
		server.createContext("/", (exchange) -> {
			peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			exchange.getRequestBody().readAllBytes();
			allArrived.countDown();
			try {
				// holds every upload until all have arrived; after one timeout nothing
				// waits
				// (the peak tells)
				if (!gaveUp.get() && !allArrived.await(10, TimeUnit.SECONDS)) {
					gaveUp.set(true);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			inFlight.decrementAndGet();
			exchange.getResponseHeaders().add("ETag", "\"0\"");
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		MinioObjectStore store = new MinioObjectStore(new StorageProperties(
				"http://127.0.0.1:" + server.getAddress().getPort(), "key", "secret-key", "us-east-1", "bucket"));
		try (ExecutorService uploads = Executors.newFixedThreadPool(UPLOADS)) {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < UPLOADS; i++) {
				byte[] bytes = new byte[] { (byte) i };
				String key = "k/" + i;
				done.add(uploads.submit(() -> store.put(key, new ByteArrayInputStream(bytes), 1,
						VerifiedUpload.sha256().digest(bytes))));
			}
			for (Future<?> upload : done) {
				upload.get();
			}
		}
		finally {
			store.destroy();
			server.stop(0);
			serverThreads.shutdownNow();
		}
		assertThat(peak.get()).isEqualTo(UPLOADS);
	}

}
