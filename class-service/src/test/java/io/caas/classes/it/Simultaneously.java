package io.caas.classes.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs n calls at the same moment, from as many threads, and returns their answers. */
final class Simultaneously {

	private Simultaneously() {
	}

	static List<Api.Response> run(int n, Function<Integer, Callable<Api.Response>> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Callable<Api.Response> c = call.apply(i);
				futures.add(pool.submit(() -> {
					start.await();
					return c.call();
				}));
			}
			start.countDown();
			List<Api.Response> answers = new ArrayList<>();
			for (Future<Api.Response> f : futures) {
				answers.add(f.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
