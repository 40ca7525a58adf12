package io.caas.classes.capacity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the host can give memory to more runtimes: pure arithmetic, so every rule is a
 * row of a table test. What the host can give is its memory minus a reserve (the
 * services, the engine, the kernel) minus what is committed; each new runtime needs its
 * template's limit (also its swap limit: runtimes never swap).
 *
 * @param hostMemory the engine host's memory in bytes
 * @param reserve bytes kept for everything that is not a runtime
 * @param committed bytes already promised: see {@link #committed}
 */
public record Capacity(long hostMemory, long reserve, long committed) {

	/**
	 * What the host can give everyone but {@code owner} (null: everyone): running
	 * runtimes' limits plus outstanding reservations, per owner the larger of the two, so
	 * a class whose runtimes are partly created is not counted twice.
	 */
	public static Capacity of(long hostMemory, long reserve, List<Usage> running, Map<String, Long> reserved,
			String owner) {
		return new Capacity(hostMemory, reserve, committed(running, reserved, owner));
	}

	/**
	 * Per owner (a class of an installation), max(its running runtimes' limits, its
	 * reservation), summed over every owner except {@code excluded}.
	 */
	static long committed(List<Usage> running, Map<String, Long> reserved, String excluded) {
		Map<String, Long> byOwner = new HashMap<>();
		running.forEach((u) -> byOwner.merge(u.owner(), Math.max(0, u.bytes()), Long::sum));
		Set<String> owners = new HashSet<>(byOwner.keySet());
		owners.addAll(reserved.keySet());
		long total = 0;
		for (String owner : owners) {
			if (!owner.equals(excluded)) {
				total += Math.max(byOwner.getOrDefault(owner, 0L), Math.max(0, reserved.getOrDefault(owner, 0L)));
			}
		}
		return total;
	}

	/** Bytes still free for new runtimes; never negative. */
	public long free() {
		return Math.max(0, this.hostMemory - this.reserve - this.committed);
	}

	/** How many runtimes of {@code perRuntime} bytes fit now. */
	public int fits(long perRuntime) {
		if (perRuntime <= 0) {
			return Integer.MAX_VALUE;
		}
		return (int) Math.min(Integer.MAX_VALUE, free() / perRuntime);
	}

	/** Whether {@code count} runtimes of {@code perRuntime} bytes fit now. */
	public boolean admits(int count, long perRuntime) {
		return count <= 0 || fits(perRuntime) >= count;
	}

	/**
	 * Memory one owner uses.
	 *
	 * @param owner the installation and class a runtime belongs to
	 */
	public record Usage(String owner, long bytes) {
	}

}
