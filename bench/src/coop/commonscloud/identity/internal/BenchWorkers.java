package coop.commonscloud.identity.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Workers that run an operation over and over for a fixed time, for the identity benchmark. */
final class BenchWorkers {

	private BenchWorkers() {
	}

	/** Operations completed by that many workers started together, each starting operations until the time is up. */
	static long count(int workers, Duration phase, IntFunction<Boolean> operation) throws InterruptedException {
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + phase.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			int worker = w;
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < end) {
					if (operation.apply(worker)) {
						done.incrementAndGet();
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return done.get();
	}

	/** Operations per wall-clock second, over the whole time the workers took (the last operations end after it). */
	static double rate(int workers, Duration phase, IntFunction<Boolean> operation) throws InterruptedException {
		long start = System.nanoTime();
		long done = count(workers, phase, operation);
		return done / ((System.nanoTime() - start) / 1e9);
	}
}
