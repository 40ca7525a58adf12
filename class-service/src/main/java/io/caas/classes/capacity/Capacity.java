package io.caas.classes.capacity;

/**
 * Whether the host can give memory to more runtimes: pure arithmetic, so every rule is a
 * row of a table test. What the host can give is its memory minus a reserve (the
 * services, the engine, the kernel) minus the memory limits of the runtimes already
 * running; each new runtime needs its template's limit (also its swap limit: runtimes
 * never swap).
 *
 * @param hostMemory the engine host's memory in bytes
 * @param reserve bytes kept for everything that is not a runtime
 * @param committed memory limits of this installation's running runtimes, in bytes
 */
public record Capacity(long hostMemory, long reserve, long committed) {

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

}
