package io.caas.classes.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerStatsTest {

	private static Statistics parse(String json) throws Exception {
		return new ObjectMapper().readValue(json, Statistics.class);
	}

	@Test
	void cpuIsTheContainersShareOfTheSystemDeltaTimesItsCpus() throws Exception {
		ResourceUse use = DockerStats.use(parse("""
				{"cpu_stats":{"cpu_usage":{"total_usage":3000000000},"system_cpu_usage":20000000000,"online_cpus":2},
				 "precpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":18000000000},
				 "memory_stats":{"usage":104857600,"limit":1073741824}}
				"""));
		assertThat(use.cpuPercent()).isEqualTo(100.0);
		assertThat(use.memoryBytes()).isEqualTo(100L << 20);
		assertThat(use.memoryLimitBytes()).isEqualTo(1L << 30);
	}

	@Test
	void aReadingWithoutAPreviousSampleCountsNoCpu() throws Exception {
		ResourceUse use = DockerStats.use(parse("""
				{"cpu_stats":{"cpu_usage":{"total_usage":3000000000},"system_cpu_usage":20000000000,"online_cpus":2},
				 "precpu_stats":{"cpu_usage":{}},"memory_stats":{}}
				"""));
		assertThat(use.cpuPercent()).isZero();
		assertThat(use.memoryBytes()).isZero();
	}

}
