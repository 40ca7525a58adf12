package io.caas.classes.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.Statistics;

/**
 * One-shot container stats ({@code GET /containers/{id}/stats?stream=0}): the engine
 * samples twice about a second apart and answers once, so CPU is a rate over that
 * interval. Nothing streams; the socket proxy refuses streamed stats.
 */
final class DockerStats {

	private DockerStats() {
	}

	static Optional<ResourceUse> read(DockerClient docker, String id, Duration timeout) {
		AtomicReference<Statistics> reading = new AtomicReference<>();
		try (ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
			@Override
			public void onNext(Statistics statistics) {
				reading.compareAndSet(null, statistics);
			}
		}) {
			docker.statsCmd(id).withNoStream(true).exec(callback);
			callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		catch (DockerException | IOException ex) {
			throw new ContainerRuntimeException("stats " + id + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		return Optional.ofNullable(reading.get()).map(DockerStats::use);
	}

	/** Docker's own formula (docker stats): CPU delta over system delta times CPUs. */
	static ResourceUse use(Statistics s) {
		double cpu = 0;
		CpuStatsConfig now = s.getCpuStats();
		CpuStatsConfig before = s.getPreCpuStats();
		if (now != null && before != null && now.getCpuUsage() != null && before.getCpuUsage() != null
				&& now.getCpuUsage().getTotalUsage() != null && before.getCpuUsage().getTotalUsage() != null
				&& now.getSystemCpuUsage() != null && before.getSystemCpuUsage() != null) {
			long cpuDelta = now.getCpuUsage().getTotalUsage() - before.getCpuUsage().getTotalUsage();
			long systemDelta = now.getSystemCpuUsage() - before.getSystemCpuUsage();
			long cpus = (now.getOnlineCpus() != null && now.getOnlineCpus() > 0) ? now.getOnlineCpus()
					: (now.getCpuUsage().getPercpuUsage() != null) ? now.getCpuUsage().getPercpuUsage().size() : 1;
			if (cpuDelta > 0 && systemDelta > 0) {
				cpu = (double) cpuDelta / systemDelta * cpus * 100;
			}
		}
		long memory = 0;
		long limit = 0;
		if (s.getMemoryStats() != null) {
			memory = (s.getMemoryStats().getUsage() != null) ? s.getMemoryStats().getUsage() : 0;
			limit = (s.getMemoryStats().getLimit() != null) ? s.getMemoryStats().getLimit() : 0;
		}
		return new ResourceUse(Math.round(cpu * 10) / 10.0, memory, limit);
	}

}
