package io.caas.e2e;

/**
 * A fork bomb and a memory hog run as the student in one runtime; each must hit that
 * runtime's own limit (read from the host's cgroup counters) while the classmate's IDE
 * keeps answering through Traefik.
 */
final class RuntimeExcess {

	/** Forks until its deadline passes, then every copy returns by itself. */
	private static final String FORK_BOMB = """
			end=$(( $(date +%s) + $1 ))
			f() { printf -v now '%(%s)T' -1; (( now < end )) || return 0; f & f & wait; }
			f 2>/dev/null
			""";

	/**
	 * tail keeps a line without newline whole in memory: 4 GiB unless the limit stops it.
	 */
	private static final String MEMORY_HOG = "head -c 4G /dev/zero | tail > /dev/null; echo \"exit=${PIPESTATUS[1]}\"";

	private static final int BOMB_SECONDS = 15;

	private final StackApi api;

	private final String classId;

	private final HostileTally tally;

	RuntimeExcess(StackApi api, String classId, HostileTally tally) {
		this.api = api;
		this.classId = classId;
		this.tally = tally;
	}

	void forkBombAndMemoryHog(String attacker) throws InterruptedException {
		RuntimeCgroup cgroup = RuntimeCgroup.of(attacker);
		forkBomb(attacker, cgroup);
		memoryHog(attacker, cgroup);
	}

	private void forkBomb(String attacker, RuntimeCgroup cgroup) throws InterruptedException {
		long hitsBefore = cgroup.pidsLimitHits();
		Docker.run("exec", "-d", "--user", "student", attacker, "bash", "-c", FORK_BOMB, "bomb",
				String.valueOf(BOMB_SECONDS));
		long maxSeen = 0;
		int answered = 0;
		int asked = 0;
		long deadline = System.nanoTime() + BOMB_SECONDS * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			maxSeen = Math.max(maxSeen, cgroup.pidsCurrent());
			asked++;
			answered += (this.api.ideHealth(this.classId, "student2") == 200) ? 1 : 0;
			Thread.sleep(1000);
		}
		long hits = cgroup.pidsLimitHits() - hitsBefore;
		// The kernel counts the forks it refused; pids.current may pass the limit by the
		// few
		// processes docker exec moves into the cgroup (a move is not a fork).
		boolean contained = hits > 0 && answered == asked;
		this.tally.record("fork bomb stays in its runtime", contained, "peak " + maxSeen + " of " + cgroup.pidsMax()
				+ " pids, " + hits + " forks refused, neighbour answered " + answered + "/" + asked);
		for (int i = 0; i < 30 && cgroup.pidsCurrent() > 64; i++) {
			Thread.sleep(1000);
		}
	}

	private void memoryHog(String attacker, RuntimeCgroup cgroup) {
		ContainerShell.Result hog = ContainerShell.sh(attacker, "student", MEMORY_HOG);
		boolean neighbourAnswers = this.api.ideHealth(this.classId, "student2") == 200;
		boolean attackerAlive = "true".equals(Docker.run("inspect", "-f", "{{.State.Running}}", attacker));
		boolean killed = hog.output().contains("exit=137");
		// The kernel charges memory in small batches: the peak may pass the limit by a
		// few pages.
		boolean contained = killed && cgroup.memoryPeak() <= cgroup.memoryLimit() + (4 << 20) && neighbourAnswers;
		this.tally.record("memory hog stays in its runtime", contained,
				hog.output() + ", peak " + cgroup.memoryPeak() / (1 << 20) + " MiB of "
						+ cgroup.memoryLimit() / (1 << 20) + " MiB, runtime running " + attackerAlive
						+ ", neighbour answers " + neighbourAnswers);
	}

}
