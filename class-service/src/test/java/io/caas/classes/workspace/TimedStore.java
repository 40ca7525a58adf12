package io.caas.classes.workspace;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.caas.classes.runtime.ContainerRuntime;

/**
 * Where a collection's time goes, for {@link CollectBench}: an {@link ObjectStore} that
 * adds the time spent in each kind of call to a named counter, and a
 * {@link ContainerRuntime} whose {@code copyOut} stream adds the time spent waiting for
 * the engine's tar. The counters are thread-time: concurrent calls add up, so they show
 * proportions, not wall time. Bench code only.
 */
final class TimedStore implements ObjectStore {

	private final ObjectStore store;

	private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

	TimedStore(ObjectStore store) {
		this.store = store;
	}

	/** The runtime, with the time spent reading {@code copyOut} streams counted. */
	ContainerRuntime timing(ContainerRuntime runtime) {
		return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
				new Class<?>[] { ContainerRuntime.class }, (proxy, method, args) -> {
					try {
						Object result = method.invoke(runtime, args);
						return (result instanceof InputStream in) ? new Timed(in, "engine tar read") : result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** {@code name=seconds} for every counter, by name. */
	String report() {
		StringBuilder line = new StringBuilder();
		new TreeMap<>(this.nanos).forEach(
				(name, total) -> line.append(String.format(" %s=%.1fs", name.replace(' ', '_'), total.sum() / 1e9)));
		return line.toString().trim();
	}

	private void add(String name, long since) {
		this.nanos.computeIfAbsent(name, (n) -> new LongAdder()).add(System.nanoTime() - since);
	}

	@Override
	public void ensureBucket() {
		this.store.ensureBucket();
	}

	@Override
	public void put(String key, InputStream content, long size, byte[] sha256) {
		long start = System.nanoTime();
		try {
			this.store.put(key, content, size, sha256);
		}
		finally {
			add(kind(key, size, sha256), start);
		}
	}

	private static String kind(String key, long size, byte[] sha256) {
		if (key.endsWith(WorkspaceKeys.MANIFEST)) {
			return "put manifest";
		}
		if (sha256 == null) {
			return "put multipart";
		}
		return (size <= UploadProperties.defaults().bufferBudget().toBytes() / 4) ? "put small" : "put single-part";
	}

	@Override
	public InputStream open(String key) {
		long start = System.nanoTime();
		try {
			return new Timed(this.store.open(key), "read back");
		}
		finally {
			add("read back", start);
		}
	}

	@Override
	public List<Listed> list(String prefix) {
		long start = System.nanoTime();
		try {
			return this.store.list(prefix);
		}
		finally {
			add("list", start);
		}
	}

	@Override
	public List<String> children(String prefix) {
		return this.store.children(prefix);
	}

	@Override
	public void delete(Collection<String> keys) {
		this.store.delete(keys);
	}

	/** A stream whose reads add to a counter. */
	private final class Timed extends FilterInputStream {

		private final String name;

		Timed(InputStream in, String name) {
			super(in);
			this.name = name;
		}

		@Override
		public int read() throws IOException {
			long start = System.nanoTime();
			try {
				return super.read();
			}
			finally {
				add(this.name, start);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			long start = System.nanoTime();
			try {
				return super.read(buffer, offset, length);
			}
			finally {
				add(this.name, start);
			}
		}

	}

}
