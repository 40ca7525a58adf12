package io.caas.e2e;

/**
 * A fork bomb, a memory hog and a disk hog run as the student in one runtime; each must
 * hit that runtime's own limit (read from the host's cgroup counters, or the engine's
 * disk bound) while the classmate's IDE keeps answering through Traefik.
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

	private static final int BOMB_SECONDS = 8;

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

	/**
	 * Writes more than the runtime's disk bound into the workspace: the write must fail
	 * with "Disk quota exceeded" before the bound, and the file is removed again.
	 */
	void diskHog(String attacker) {
		String opt = Docker.run("inspect", "-f", "{{index .HostConfig.StorageOpt \"size\"}}", attacker).trim();
		long bound = opt.matches("\\d+") ? Long.parseLong(opt) : 0;
		long mib = bound / (1 << 20) + 64;
		ContainerShell.Result hog = ContainerShell.sh(attacker, "student", "f=$HOME/workspace/.disk-hog; head -c " + mib
				+ "M /dev/zero > $f; echo \"exit=$?\"; " + "echo \"size=$(stat -c %s $f)\"; rm -f $f");
		long written = hog.output()
			.lines()
			.filter(l -> l.startsWith("size="))
			.mapToLong(l -> Long.parseLong(l.substring(5).trim()))
			.findFirst()
			.orElse(-1);
		boolean neighbourAnswers = this.api.ideHealth(this.classId, "student2") == 200;
		boolean contained = bound > 0 && hog.output().contains("Disk quota exceeded") && written >= 0
				&& written <= bound && neighbourAnswers;
		this.tally.record("disk hog stays within its runtime's bound", contained,
				"bound " + bound / (1 << 20) + " MiB, wrote " + written / (1 << 20) + " of " + mib + " MiB: "
						+ hog.output().replace('\n', ' ') + ", neighbour answers " + neighbourAnswers);
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
