package coop.commonscloud.identity.internal;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * Sign-ins against hashes in pairs: one sign-in, then one hash of the loop inside the provider's
 * JVM (every other pair the other way round), each timed alone by the CPU the provider's JVM and
 * its PostgreSQL spent on it, in nanoseconds ({@link BenchCpu#nanos()}), from just before the request
 * until {@link #SETTLE} after the answer (the provider's work after answering counted). The two halves of a pair run
 * within about a tenth of a second of each other, so the drift of this shared machine's speed
 * (one hash took from 42 to 70 ms within an hour, by whatever else shares the memory bus) weighs
 * on both alike, which two-second rounds could not resolve. Each pair gives a ratio; the
 * figures are the median ratio (the cost of a typical sign-in) and the ratio of the sums (every
 * collection and compilation that fell into a sign-in or a hash included).
 */
record BenchPairedSignIns(int pairs, double medianBeyond, double lowQuartile, double highQuartile, double pooledBeyond,
		double pooledBeyondNoJit, double hashMs, double signInMs, double postgresMs, double jitShare,
		double signInJitMs, double hashJitMs) {

	/** How long the driver waits after each operation's answer before reading the CPU it cost ({@code -Dbench.settle-ms}). */
	static final Duration SETTLE = Duration.ofMillis(Long.getLong("bench.settle-ms", 20));

	static BenchPairedSignIns measure(BenchCpu cpu, BenchRawArgon2 providerLoop, int pairs, IntFunction<Boolean> signingIn)
			throws java.io.IOException {
		double[] ratios = new double[pairs];
		long signInNanos = 0;
		long hashNanos = 0;
		long postgresNanos = 0;
		long signInJit = 0;
		long hashJit = 0;
		double jitBefore = cpu.jitSeconds();
		double before = cpu.seconds();
		int done = 0;
		while (done < pairs) {
			long[] signIn = null;
			long[] hash = null;
			for (int half = 0; half < 2; half++) {
				boolean signInNow = (half == 0) == (done % 2 == 0);
				long[] start = cpu.nanos();
				long hashes = signInNow ? (signingIn.apply(0) ? 1 : 0) : providerLoop.run(Duration.ofMillis(1), 1)[0];
				// the provider goes on after its answer is sent (the rest of the filter chain, the observation, recycling
				// the request): let it finish, so that work counts here and not in the next operation or nowhere
				settle();
				long[] end = cpu.nanos();
				long[] used = {end[0] - start[0], end[1] - start[1], hashes, end[2] - start[2]};
				if (signInNow) {
					signIn = used;
				} else {
					hash = used;
				}
			}
			if (hash[2] != 1) {
				continue; // the loop answered before hashing (or hashed twice): not a pair
			}
			ratios[done++] = (double) (signIn[0] + signIn[1]) / (hash[0] + hash[1]);
			signInNanos += signIn[0] + signIn[1];
			postgresNanos += signIn[1];
			hashNanos += hash[0] + hash[1];
			signInJit += signIn[3];
			hashJit += hash[3];
		}
		double used = cpu.seconds() - before;
		double[] sorted = ratios.clone();
		java.util.Arrays.sort(sorted);
		return new BenchPairedSignIns(pairs, BenchSignIns.median(ratios) - 1, sorted[pairs / 4] - 1, sorted[3 * pairs / 4] - 1,
				(double) signInNanos / hashNanos - 1, (double) (signInNanos - signInJit) / (hashNanos - hashJit) - 1,
				hashNanos / 1e6 / pairs, signInNanos / 1e6 / pairs, postgresNanos / 1e6 / pairs,
				(cpu.jitSeconds() - jitBefore) / used, signInJit / 1e6 / pairs, hashJit / 1e6 / pairs);
	}

	private static void settle() {
		try {
			Thread.sleep(SETTLE.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	void print() {
		System.out.printf("password sign-ins (HTTP Basic) paired with hashes inside the provider's JVM, %d pairs:%n", pairs);
		System.out.printf("  CPU per hash %.1f ms, per sign-in %.1f ms (of which PostgreSQL %.2f ms); JIT %.1f%% of CPU%n",
				hashMs, signInMs, postgresMs, 100 * jitShare);
		System.out.printf("  cost beyond hashing, median of the pairs     : %+8.1f%%  (quartiles %+.1f%% and %+.1f%%; "
				+ "sums of all pairs: %+.1f%%)%n", 100 * medianBeyond, 100 * lowQuartile, 100 * highQuartile,
				100 * pooledBeyond);
		System.out.printf("  the sums without the JIT compilers' CPU      : %+8.1f%%  (they took %.2f ms a sign-in, %.2f ms a hash)%n",
				100 * pooledBeyondNoJit, signInJitMs, hashJitMs);
	}
}
