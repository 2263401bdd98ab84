package coop.commonscloud.identity.internal;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * Raw Argon2id against password sign-ins at one concurrency: the loop with that many threads and
 * the provider with that many workers, in alternating rounds of two seconds on the provider's
 * core (the loop in its own JVM, the loop inside the provider's JVM, sign-ins), so that outside
 * load weighs on all three alike and N hashes sharing one core's caches cost the same in each.
 * The machine's speed drifts from minute to minute (a shared VM: one hash took from 42 to 70 ms
 * within an hour), so each round gives its own ratio, and the figure is the median of those.
 */
record BenchSignIns(int concurrency, int rounds, long hashes, double hashCpu, long inProvider, double inProviderCpu,
		long signedIn, double signInCpu, double jit, double gc, double medianBeyond, double medianBeyondProvider,
		double lowBeyond, double highBeyond, Duration warmUp) {

	static final Duration ROUND = Duration.ofSeconds(2);

	static BenchSignIns measure(BenchCpu cpu, BenchRawArgon2 rawLoop, BenchRawArgon2 providerLoop, int concurrency, Duration phase,
			IntFunction<Boolean> signingIn, Duration warmUp) throws java.io.IOException, InterruptedException {
		int rounds = (int) Math.max(10, phase.toSeconds() / ROUND.toSeconds());
		rawLoop.run(Duration.ofSeconds(3), concurrency);
		providerLoop.run(Duration.ofSeconds(3), concurrency);
		BenchWorkers.count(concurrency, Duration.ofSeconds(3), signingIn);
		long hashes = 0;
		double hashCpu = 0;
		long inProvider = 0;
		double inProviderCpu = 0;
		long signedIn = 0;
		double signInCpu = 0;
		double jit = 0;
		double gc = 0;
		double[] beyond = new double[rounds];
		double[] beyondProvider = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			long[] raw = rawLoop.run(ROUND, concurrency);
			long[] provider = providerLoop.run(ROUND, concurrency);
			double before = cpu.seconds();
			double jitBefore = cpu.jitSeconds();
			double gcBefore = cpu.gcSeconds();
			long done = BenchWorkers.count(concurrency, ROUND, signingIn);
			double used = cpu.seconds() - before;
			hashes += raw[0];
			hashCpu += raw[1] / 1e9;
			inProvider += provider[0];
			inProviderCpu += provider[1] / 1e9;
			signedIn += done;
			signInCpu += used;
			jit += cpu.jitSeconds() - jitBefore;
			gc += cpu.gcSeconds() - gcBefore;
			// CPU per sign-in over CPU per hash, this round
			beyond[r] = (used / done) / (raw[1] / 1e9 / raw[0]) - 1;
			beyondProvider[r] = (used / done) / (provider[1] / 1e9 / provider[0]) - 1;
		}
		double[] sorted = beyond.clone();
		java.util.Arrays.sort(sorted);
		return new BenchSignIns(concurrency, rounds, hashes, hashCpu, inProvider, inProviderCpu, signedIn, signInCpu, jit, gc,
				median(beyond), median(beyondProvider), sorted[0], sorted[sorted.length - 1], warmUp);
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	void print() {
		double raw = hashes / hashCpu;
		double signIns = signedIn / signInCpu;
		System.out.printf("raw Argon2id (m=19456 KiB, t=2, p=1), %d thread%s : %8.1f /s/core  (own JVM on the provider's core; "
				+ "%d rounds of %d s)%n", concurrency, concurrency == 1 ? " " : "s", raw, rounds, ROUND.toSeconds());
		System.out.printf("  the same loop inside the provider's JVM      : %8.1f /s/core%n", inProvider / inProviderCpu);
		System.out.printf("password sign-ins (HTTP Basic), %d worker%s      : %8.1f /s/core  (JIT %.1f%% and GC %.1f%% of CPU; "
				+ "warm-up %d s)%n", concurrency, concurrency == 1 ? " " : "s", signIns, 100 * jit / signInCpu,
				100 * gc / signInCpu, warmUp.toSeconds());
		System.out.printf("  cost beyond hashing, median of the rounds    : %+8.1f%%  (rounds from %+.1f%% to %+.1f%%; "
				+ "all rounds pooled: %+.1f%%)%n", 100 * medianBeyond, 100 * lowBeyond, 100 * highBeyond,
				(raw / signIns - 1) * 100);
		System.out.printf("  beyond the loop inside the provider's JVM    : %+8.1f%%  (median of the rounds)%n",
				100 * medianBeyondProvider);
	}
}
