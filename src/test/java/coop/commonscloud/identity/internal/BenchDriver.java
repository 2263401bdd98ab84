package coop.commonscloud.identity.internal;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Load over loopback against a running provider ({@code bench/run.sh} starts both, pinned to their
 * own cores); not a test. Measures, each for a fixed time with a fixed number of workers: a raw
 * Argon2id loop (m = 19 MiB, t = 2, p = 1) against password sign-ins (HTTP Basic on the API): in
 * pairs of one sign-in and one hash inside the provider's JVM, each timed in CPU nanoseconds, then in
 * rounds, once one at a time and once with as many hashing threads as concurrent sign-in workers,
 * refresh grants (each worker rotating its own family) and client-credentials grants, and samples
 * the provider's resident memory throughout. Rates are per CPU-second the provider and its
 * PostgreSQL spent (read from /proc), so they are per core and hold up on a busy machine.
 * Arguments: base URL, seconds per phase, workers, provider pid, postmaster pid.
 */
public final class BenchDriver {

	private static final String PASSWORD = StewardCalls.PASSWORD;
	private static final AtomicLong maxRssKb = new AtomicLong();

	private BenchDriver() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Duration phase = Duration.ofSeconds(Long.parseLong(args[1]));
		int workers = Integer.parseInt(args[2]);
		long pid = Long.parseLong(args[3]);
		long postmaster = Long.parseLong(args[4]);
		String providerCpu = args.length > 5 ? args[5] : "1";
		int argon2Port = args.length > 6 ? Integer.parseInt(args[6]) : 18090;
		Cpu cpu = new Cpu(pid, postmaster);
		Thread sampler = new Thread(() -> sampleRss(pid));
		sampler.setDaemon(true);
		sampler.start();

		StewardCalls region = new StewardCalls(base);
		StewardCalls.Client client = region.client("Bench service", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = StewardCalls.unique("bench");
		HttpResponse<String> opened = region.asSteward("POST", "/api/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"Bench\",\"password\":\"" + PASSWORD + "\"}");
		check(opened, 201);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		// raw Argon2id (the floor a sign-in cannot go below) in its own JVM on the provider's core,
		// and password sign-ins, in alternating rounds, so that other load weighs on both alike
		HttpRequest signIn = HttpRequest.newBuilder(URI.create(base + "/api/clients"))
				.header("Authorization", StewardCalls.basic(username, PASSWORD)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build();
		// BENCH_PHASES=grants skips the sign-ins (for profiling the grants alone)
		boolean measureSignIns = !"grants".equals(System.getenv("BENCH_PHASES")) && !"refresh".equals(System.getenv("BENCH_PHASES"));
		IntFunction<Boolean> signingIn = i -> expect(http, signIn, 400);
		SignIns alone = null;
		SignIns together = null;
		Paired paired = null;
		if (measureSignIns) {
			RawArgon2 rawLoop = RawArgon2.start(providerCpu);
			RawArgon2 providerLoop = RawArgon2.connect(argon2Port);
			rawLoop.run(Duration.ofSeconds(5), 1);
			providerLoop.run(Duration.ofSeconds(5), 1);
			// a sign-in is rare next to a grant (about 20 a second per core), so its request path reaches the JIT's
			// thresholds slowly: compiling went on for about three minutes of sign-ins, at 5 to 10 % of the CPU.
			// Warm up until the compilers use under 1 % in a 10-second window (at most six minutes): the steady state
			// of a provider that has been up for more than a few minutes.
			Duration signInWarmUp = cpu.warmUp(1, signingIn, Duration.ofSeconds(10), 0.01, 36);
			// like for like: one sign-in at a time against a one-thread loop, then as many concurrent
			// sign-ins as workers against as many hashing threads, all on the provider's one core
			paired = Paired.measure(cpu, providerLoop, (int) Math.max(100, phase.toSeconds() * 20), signingIn);
			alone = SignIns.measure(cpu, rawLoop, providerLoop, 1, phase, signingIn, signInWarmUp);
			together = workers > 1 ? SignIns.measure(cpu, rawLoop, providerLoop, workers, phase, signingIn, Duration.ZERO) : null;
			rawLoop.close();
			providerLoop.close();
		}
		// BENCH_PHASES=signins stops after the sign-ins
		if ("signins".equals(System.getenv("BENCH_PHASES"))) {
			sampler.interrupt();
			printSignIns(paired, alone, together);
			System.out.printf("provider resident memory, maximum under load : %8.1f MB%n", maxRssKb.get() / 1024.0);
			return;
		}

		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);
		String[] refreshTokens = new String[workers];
		for (int w = 0; w < workers; w++) {
			Pkce pkce = Pkce.fresh();
			String code = flow.code(new Browser(), client, pkce, username);
			refreshTokens[w] = JsonPath.read(check(flow.exchange(client, code, AuthorizationCodeFlow.REDIRECT,
					pkce.verifier()), 200).body(), "$.refresh_token");
		}
		IntFunction<Boolean> refresh = w -> {
			HttpResponse<String> response = check(flow.refresh(client, refreshTokens[w]), 200);
			refreshTokens[w] = JsonPath.read(response.body(), "$.refresh_token");
			return true;
		};
		Duration refreshWarmUp = cpu.warmUp(workers, refresh);
		Cpu.Result refreshes = cpu.measure(() -> rate(workers, phase, refresh), phase);

		IntFunction<Boolean> machine = w -> check(region.token(client, Map.of("grant_type", "client_credentials",
				"scope", "api")), 200) != null;
		// BENCH_PHASES=refresh stops after the refresh grants (for profiling them alone)
		boolean measureMachines = !"refresh".equals(System.getenv("BENCH_PHASES"));
		Duration machineWarmUp = measureMachines ? cpu.warmUp(workers, machine) : Duration.ZERO;
		Cpu.Result clientCredentials = measureMachines ? cpu.measure(() -> rate(workers, phase, machine), phase) : null;
		sampler.interrupt();

		System.out.println("rates per CPU-second (= per core): provider JVM + its PostgreSQL, measured from /proc,");
		System.out.println("after warming each phase up until the JIT compilers use under 1% of the provider's CPU");
		printSignIns(paired, alone, together);
		System.out.printf("refresh grants (rotating), %d workers         : %s; warm-up %d s%n", workers, refreshes,
				refreshWarmUp.toSeconds());
		if (clientCredentials != null) {
			System.out.printf("client-credentials grants, %d workers         : %s; warm-up %d s%n", workers, clientCredentials,
					machineWarmUp.toSeconds());
		}
		System.out.printf("provider resident memory, maximum under load : %8.1f MB%n", maxRssKb.get() / 1024.0);
	}

	/**
	 * Raw Argon2id against password sign-ins at one concurrency: the loop with that many threads and
	 * the provider with that many workers, in alternating rounds of two seconds on the provider's
	 * core (the loop in its own JVM, the loop inside the provider's JVM, sign-ins), so that outside
	 * load weighs on all three alike and N hashes sharing one core's caches cost the same in each.
	 * The machine's speed drifts from minute to minute (a shared VM: one hash took from 42 to 70 ms
	 * within an hour), so each round gives its own ratio, and the figure is the median of those.
	 */
	record SignIns(int concurrency, int rounds, long hashes, double hashCpu, long inProvider, double inProviderCpu,
			long signedIn, double signInCpu, double jit, double gc, double medianBeyond, double medianBeyondProvider,
			double lowBeyond, double highBeyond, Duration warmUp) {

		static final Duration ROUND = Duration.ofSeconds(2);

		static SignIns measure(Cpu cpu, RawArgon2 rawLoop, RawArgon2 providerLoop, int concurrency, Duration phase,
				IntFunction<Boolean> signingIn, Duration warmUp) throws java.io.IOException, InterruptedException {
			int rounds = (int) Math.max(10, phase.toSeconds() / ROUND.toSeconds());
			rawLoop.run(Duration.ofSeconds(3), concurrency);
			providerLoop.run(Duration.ofSeconds(3), concurrency);
			count(concurrency, Duration.ofSeconds(3), signingIn);
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
				long done = count(concurrency, ROUND, signingIn);
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
			return new SignIns(concurrency, rounds, hashes, hashCpu, inProvider, inProviderCpu, signedIn, signInCpu, jit, gc,
					median(beyond), median(beyondProvider), sorted[0], sorted[sorted.length - 1], warmUp);
		}

		private static double median(double[] values) {
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

	private static void printSignIns(Paired paired, SignIns alone, SignIns together) {
		if (paired != null) {
			paired.print();
		}
		for (SignIns signIns : new SignIns[] {alone, together}) {
			if (signIns != null) {
				signIns.print();
			}
		}
	}

	/**
	 * Sign-ins against hashes in pairs: one sign-in, then one hash of the loop inside the provider's
	 * JVM (every other pair the other way round), each timed alone by the CPU the provider's JVM and
	 * its PostgreSQL spent on it, in nanoseconds ({@link Cpu#nanos()}), from just before the request
	 * until {@link #SETTLE} after the answer (the provider's work after answering counted). The two halves of a pair run
	 * within about a tenth of a second of each other, so the drift of this shared machine's speed
	 * (one hash took from 42 to 70 ms within an hour, by whatever else shares the memory bus) weighs
	 * on both alike, which two-second rounds could not resolve. Each pair gives a ratio; the
	 * figures are the median ratio (the cost of a typical sign-in) and the ratio of the sums (every
	 * collection and compilation that fell into a sign-in or a hash included).
	 */
	record Paired(int pairs, double medianBeyond, double lowQuartile, double highQuartile, double pooledBeyond,
			double pooledBeyondNoJit, double hashMs, double signInMs, double postgresMs, double jitShare,
			double signInJitMs, double hashJitMs) {

		/** How long the driver waits after each operation's answer before reading the CPU it cost ({@code -Dbench.settle-ms}). */
		static final Duration SETTLE = Duration.ofMillis(Long.getLong("bench.settle-ms", 20));

		static Paired measure(Cpu cpu, RawArgon2 providerLoop, int pairs, IntFunction<Boolean> signingIn)
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
			return new Paired(pairs, SignIns.median(ratios) - 1, sorted[pairs / 4] - 1, sorted[3 * pairs / 4] - 1,
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

	/** The raw Argon2id loop ({@link BenchArgon2Loop}) in its own JVM, pinned to the given core. */
	record RawArgon2(AutoCloseable process, java.io.BufferedReader answers, java.io.PrintWriter commands) {

		/** The same loop inside the provider's JVM ({@link BenchProvider} serves it on a loopback port). */
		static RawArgon2 connect(int port) throws java.io.IOException {
			java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
			return new RawArgon2(socket, new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())),
					new java.io.PrintWriter(socket.getOutputStream(), true));
		}

		static RawArgon2 start(String cpuList) throws java.io.IOException {
			List<String> command = new ArrayList<>(List.of("taskset", "-c", cpuList,
					ProcessHandle.current().info().command().orElse("java")));
			String flags = System.getenv().getOrDefault("BENCH_JVM_OPTS", "");
			for (String flag : flags.trim().split("\\s+")) {
				if (!flag.isEmpty()) {
					command.add(flag);
				}
			}
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchArgon2Loop.class.getName()));
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			return new RawArgon2(() -> process.waitFor(),
					new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())),
					new java.io.PrintWriter(process.getOutputStream(), true));
		}

		/** Hashes for the given time with that many threads at once; answers the number of hashes and the process's CPU nanoseconds. */
		long[] run(Duration length, int threads) throws java.io.IOException {
			commands.println(length.toMillis() + " " + threads);
			String[] answer = answers.readLine().split(" ");
			return new long[] {Long.parseLong(answer[0]), Long.parseLong(answer[1])};
		}

		void close() throws Exception {
			commands.close();
			process.close();
		}
	}

	/** CPU seconds used by the provider and its PostgreSQL (postmaster and backends), from /proc. */
	record Cpu(long provider, long postmaster) {

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
				rate(workers, window, operation);
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

	/** Operations completed by that many workers started together, each starting operations until the time is up. */
	private static long count(int workers, Duration phase, IntFunction<Boolean> operation) throws InterruptedException {
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
	private static double rate(int workers, Duration phase, IntFunction<Boolean> operation) throws InterruptedException {
		long start = System.nanoTime();
		long done = count(workers, phase, operation);
		return done / ((System.nanoTime() - start) / 1e9);
	}

	private static boolean expect(HttpClient http, HttpRequest request, int status) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			check(response, status);
			return true;
		} catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static HttpResponse<String> check(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private static void sampleRss(long pid) {
		Path status = Path.of("/proc/" + pid + "/status");
		while (!Thread.currentThread().isInterrupted()) {
			try {
				for (String line : Files.readAllLines(status)) {
					if (line.startsWith("VmRSS:")) {
						long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
						maxRssKb.accumulateAndGet(kb, Math::max);
					}
				}
				Thread.sleep(200);
			} catch (InterruptedException e) {
				return;
			} catch (java.io.IOException e) {
				return;
			}
		}
	}
}
