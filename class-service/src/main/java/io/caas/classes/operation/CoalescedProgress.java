package io.caas.classes.operation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Saves a running operation's progress at most once per interval, the newest snapshot
 * only: an open of 40 reports 160 steps, each otherwise a write of the whole operation
 * made under the tracker's lock, which every student's worker shares. The end of the
 * operation (any state but RUNNING) is written at once, after a write in flight, and
 * drops what was pending (it is older). Readers see progress at most one interval late;
 * the log still has every step when it happens. Opens only: the steps of a close or a
 * reset are evidence recovery reads, saved one by one.
 */
final class CoalescedProgress implements Consumer<Operation> {

	private final Consumer<Operation> writer;

	private final Duration interval;

	private final Object writing = new Object();

	private final AtomicReference<Operation> pending = new AtomicReference<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	CoalescedProgress(Consumer<Operation> writer, Duration interval) {
		this.writer = writer;
		this.interval = interval;
	}

	@Override
	public void accept(Operation operation) {
		if (!operation.isRunning()) {
			synchronized (this.writing) {
				this.pending.set(null);
				this.writer.accept(operation);
			}
			return;
		}
		this.pending.set(operation);
		if (this.scheduled.compareAndSet(false, true)) {
			Thread.ofVirtual().name("caas-progress-" + operation.id()).start(this::writeLater);
		}
	}

	private void writeLater() {
		try {
			Thread.sleep(this.interval);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// a step reported from here on schedules the next write
		this.scheduled.set(false);
		synchronized (this.writing) {
			Operation newest = this.pending.getAndSet(null);
			if (newest != null) {
				this.writer.accept(newest);
			}
		}
	}

}
