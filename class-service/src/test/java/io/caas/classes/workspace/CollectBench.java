package io.caas.classes.workspace;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.caas.classes.runtime.RealDocker;
import io.caas.classes.support.Fixtures;

/**
 * The collector as a close runs it, for {@code bench/collect-benchmark.sh}: collects the
 * given containers' workspaces with the close's parallelism and prints bytes, seconds and
 * the heap high-water mark, then where the time went ({@link TimedStore}). Not a test; it
 * asserts nothing.
 *
 * <p>
 * Arguments: endpoint accessKey secretKey bucket parallelism containerId...
 */
public final class CollectBench {

	private CollectBench() {
	}

	public static void main(String[] args) throws Exception {
		MinioObjectStore minio = new MinioObjectStore(
				new StorageProperties(args[0], args[1], args[2], "us-east-1", args[3]));
		TimedStore store = new TimedStore(minio);
		WorkspaceCollector collector = new WorkspaceCollector(store.timing(RealDocker.runtime()), store,
				Clock.systemUTC());
		int parallelism = Integer.parseInt(args[4]);
		List<String> containers = Arrays.asList(args).subList(5, args.length);
		store.ensureBucket();
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
		AtomicLong bytes = new AtomicLong();
		AtomicLong files = new AtomicLong();
		AtomicLong collecting = new AtomicLong();
		long start = System.nanoTime();
		try (ExecutorService workers = Executors.newFixedThreadPool(parallelism)) {
			List<Future<Object>> jobs = containers.stream().map(id -> workers.submit(() -> {
				long begin = System.nanoTime();
				Manifest m = collector.collect(new WorkspaceCollector.Target("colbench", "bench",
						"s" + containers.indexOf(id), id, Fixtures.codeserver()));
				bytes.addAndGet(m.totalBytes());
				files.addAndGet(m.fileCount());
				collecting.addAndGet(System.nanoTime() - begin);
				return (Object) m;
			})).toList();
			for (Future<Object> job : jobs) {
				job.get();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.out.printf("caas bytes=%d files=%d seconds=%.3f heap_before_mb=%.1f heap_peak_mb=%.1f%n", bytes.get(),
				files.get(), seconds, baseline / 1048576.0, peak / 1048576.0);
		System.out.printf("phases (thread-seconds, concurrent calls add up): collect=%.1fs %s%n",
				collecting.get() / 1e9, store.report());
		minio.destroy();
	}

}
