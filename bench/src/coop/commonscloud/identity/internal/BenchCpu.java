package coop.commonscloud.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** CPU seconds used by the provider and its PostgreSQL (postmaster and backends), from /proc. */
record BenchCpu(long provider, long postmaster) {

	/** The names of the JIT compiler threads. */
	static final java.util.function.Predicate<String> COMPILER = name -> name.startsWith("C1 Compiler")
			|| name.startsWith("C2 Compiler");

	interface Phase {
		double run() throws InterruptedException;
	}

	/**
	 * A phase's operations per CPU-second (provider JVM and PostgreSQL together), the CPU
	 * milliseconds one operation cost in each, and the wall-clock rate (the provider is pinned to
	 * one core, but shares it with whatever else the machine runs).
	 */
	record Result(double perCpuSecond, double jvmMs, double postgresMs, double jitShare, double perWallSecond) {
		@Override
		public String toString() {
			return String.format("%8.1f /s/core  (CPU per grant: JVM %.2f ms + PostgreSQL %.2f ms, so %.0f /s per core of "
					+ "the JVM alone; JIT %.1f%% of CPU; wall clock %.1f /s)", perCpuSecond, jvmMs, postgresMs, 1000 / jvmMs,
					100 * jitShare, perWallSecond);
		}
	}

	/**
	 * Runs an operation in windows of five seconds until the JIT compilers spend under 1% of the
	 * provider's CPU in a window (or for three minutes at most): a one-off cost that would
	 * otherwise weigh on short phases as if every request paid it (stopping at 5%, a run went on
	 * compiling at 6.8% of the CPU while its refresh grants were measured). Answers how long it took.
	 */
	Duration warmUp(int workers, IntFunction<Boolean> operation) throws InterruptedException {
		return warmUp(workers, operation, Duration.ofSeconds(5), 0.01, 36);
	}

	/** The same with other windows, share and number of windows at most. */
	Duration warmUp(int workers, IntFunction<Boolean> operation, Duration window, double share, int windows)
			throws InterruptedException {
		long start = System.nanoTime();
		for (int w = 0; w < windows; w++) {
			double before = seconds();
			double jitBefore = jitSeconds();
			BenchWorkers.rate(workers, window, operation);
			if (jitSeconds() - jitBefore < share * (seconds() - before)) {
				break;
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** CPU seconds of the provider's JIT compiler threads. */
	double jitSeconds() {
		return threadSeconds(COMPILER);
	}

	/** CPU seconds of the provider's garbage collector (the VM thread, with the serial collector). */
	double gcSeconds() {
		return threadSeconds(name -> name.equals("VM Thread") || name.startsWith("GC Thread"));
	}

	private double threadSeconds(java.util.function.Predicate<String> named) {
		long ticks = 0;
		java.io.File[] threads = new java.io.File("/proc/" + provider + "/task").listFiles();
		for (java.io.File thread : threads == null ? new java.io.File[0] : threads) {
			try {
				String name = Files.readString(thread.toPath().resolve("comm")).trim();
				if (named.test(name)) {
					String line = Files.readString(thread.toPath().resolve("stat"));
					String[] stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
					ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
				}
			} catch (java.io.IOException | RuntimeException e) {
				// a thread that ended meanwhile
			}
		}
		return ticks / 100.0;
	}

	Result measure(Phase phase, Duration length) throws InterruptedException {
		double jvmBefore = ticks(provider) / 100.0;
		double jitBefore = jitSeconds();
		double before = seconds();
		double perWallSecond = phase.run();
		double used = seconds() - before;
		double jvm = ticks(provider) / 100.0 - jvmBefore;
		double operations = perWallSecond * (length.toNanos() / 1e9);
		return new Result(operations / used, jvm * 1000 / operations, (used - jvm) * 1000 / operations,
				(jitSeconds() - jitBefore) / used, perWallSecond);
	}

	/**
	 * CPU nanoseconds so far of the provider JVM's live threads, of PostgreSQL's processes and of the
	 * JVM's JIT compiler threads (a part of the first), from
	 * {@code /proc/<pid>/task/<tid>/schedstat}: exact where {@link #seconds()} counts 10 ms ticks,
	 * but a thread or process that has ended no longer counts, so only differences over a short
	 * time are meaningful.
	 */
	long[] nanos() {
		long jvm = 0;
		long jit = 0;
		java.io.File[] threads = new java.io.File("/proc/" + provider + "/task").listFiles();
		for (java.io.File thread : threads == null ? new java.io.File[0] : threads) {
			long used = schedNanos(thread.toPath().resolve("schedstat"));
			jvm += used;
			if (compiler(thread)) {
				jit += used;
			}
		}
		long postgres = 0;
		for (long process : postgresProcesses()) {
			postgres += schedNanos(Path.of("/proc/" + process + "/schedstat"));
		}
		return new long[] {jvm, postgres, jit};
	}

	private static boolean compiler(java.io.File thread) {
		try {
			return COMPILER.test(Files.readString(thread.toPath().resolve("comm")).trim());
		} catch (java.io.IOException e) {
			return false;
		}
	}

	private static long schedNanos(Path schedstat) {
		try {
			String line = Files.readString(schedstat);
			return Long.parseLong(line.substring(0, line.indexOf(' ')));
		} catch (java.io.IOException | RuntimeException e) {
			return 0; // ended meanwhile
		}
	}

	double seconds() {
		long ticks = ticks(provider);
		for (long process : postgresProcesses()) {
			ticks += ticks(process);
		}
		return ticks / 100.0;
	}

	/** The postmaster and its children (backends and background processes) now. */
	private List<Long> postgresProcesses() {
		List<Long> postgres = new ArrayList<>(List.of(postmaster));
		java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.matches("\\d+"));
		for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
			long pid = Long.parseLong(process.getName());
			String[] stat = stat(pid);
			if (stat != null && Long.parseLong(stat[1]) == postmaster) {
				postgres.add(pid);
			}
		}
		return postgres;
	}

	private static long ticks(long pid) {
		String[] stat = stat(pid);
		return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
	}

	/** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
	private static String[] stat(long pid) {
		try {
			String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
			return line.substring(line.lastIndexOf(')') + 2).split(" ");
		} catch (java.io.IOException | RuntimeException e) {
			return null;
		}
	}
}
