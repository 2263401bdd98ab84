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
 * Argon2id loop (m = 19 MiB, t = 2, p = 1) against password sign-ins (HTTP Basic on the API), once
 * one at a time and once with as many hashing threads as concurrent sign-in workers,
 * refresh grants (each worker rotating its own family) and client-credentials grants, and samples
 * the provider's resident memory throughout. Rates are per CPU-second the provider and its
 * PostgreSQL spent (read from /proc), so they are per core and hold up on a busy machine.
 * Arguments: base URL, seconds per phase, workers, provider pid, postmaster pid.
 */
public final class BenchDriver {

	private static final String PASSWORD = RegionApi.PASSWORD;
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

		RegionApi region = new RegionApi(base);
		RegionApi.Client client = region.client("Bench service", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = RegionApi.unique("bench");
		HttpResponse<String> opened = region.asSteward("POST", "/api/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"Bench\",\"password\":\"" + PASSWORD + "\"}");
		check(opened, 201);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		// raw Argon2id (the floor a sign-in cannot go below) in its own JVM on the provider's core,
		// and password sign-ins, in alternating rounds, so that other load weighs on both alike
		HttpRequest signIn = HttpRequest.newBuilder(URI.create(base + "/api/clients"))
				.header("Authorization", RegionApi.basic(username, PASSWORD)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build();
		// BENCH_PHASES=grants skips the sign-ins (for profiling the grants alone)
		boolean measureSignIns = !"grants".equals(System.getenv("BENCH_PHASES")) && !"refresh".equals(System.getenv("BENCH_PHASES"));
		IntFunction<Boolean> signingIn = i -> expect(http, signIn, 400);
		SignIns alone = null;
		SignIns together = null;
		if (measureSignIns) {
			RawArgon2 rawLoop = RawArgon2.start(providerCpu);
			RawArgon2 providerLoop = RawArgon2.connect(argon2Port);
			rawLoop.run(Duration.ofSeconds(5), 1);
			providerLoop.run(Duration.ofSeconds(5), 1);
			Duration signInWarmUp = cpu.warmUp(1, signingIn);
			// like for like: one sign-in at a time against a one-thread loop, then as many concurrent
			// sign-ins as workers against as many hashing threads, all on the provider's one core
			alone = SignIns.measure(cpu, rawLoop, providerLoop, 1, phase, signingIn, signInWarmUp);
			together = workers > 1 ? SignIns.measure(cpu, rawLoop, providerLoop, workers, phase, signingIn, Duration.ZERO) : null;
			rawLoop.close();
			providerLoop.close();
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
		System.out.println("after warming each phase up until the JIT compilers use under 5% of the provider's CPU");
		for (SignIns signIns : new SignIns[] {alone, together}) {
			if (signIns != null) {
				signIns.print();
			}
		}
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
	 * the provider with that many workers, in four alternating rounds on the provider's core, so that
	 * outside load weighs on both alike and N hashes sharing one core's caches cost the same in both.
	 */
	record SignIns(int concurrency, long hashes, double hashCpu, long inProvider, double inProviderCpu, long signedIn,
			double signInCpu, double jit, double gc, Duration warmUp) {

		static SignIns measure(Cpu cpu, RawArgon2 rawLoop, RawArgon2 providerLoop, int concurrency, Duration phase,
				IntFunction<Boolean> signingIn, Duration warmUp) throws java.io.IOException, InterruptedException {
			Duration round = phase.dividedBy(4);
			rawLoop.run(Duration.ofSeconds(3), concurrency);
			providerLoop.run(Duration.ofSeconds(3), concurrency);
			rate(concurrency, Duration.ofSeconds(3), signingIn);
			long hashes = 0;
			double hashCpu = 0;
			long inProvider = 0;
			double inProviderCpu = 0;
			long signedIn = 0;
			double signInCpu = 0;
			double jit = 0;
			double gc = 0;
			for (int r = 0; r < 4; r++) {
				long[] raw = rawLoop.run(round, concurrency);
				hashes += raw[0];
				hashCpu += raw[1] / 1e9;
				long[] provider = providerLoop.run(round, concurrency);
				inProvider += provider[0];
				inProviderCpu += provider[1] / 1e9;
				double before = cpu.seconds();
				double jitBefore = cpu.jitSeconds();
				double gcBefore = cpu.gcSeconds();
				signedIn += Math.round(rate(concurrency, round, signingIn) * round.toNanos() / 1e9);
				signInCpu += cpu.seconds() - before;
				jit += cpu.jitSeconds() - jitBefore;
				gc += cpu.gcSeconds() - gcBefore;
			}
			return new SignIns(concurrency, hashes, hashCpu, inProvider, inProviderCpu, signedIn, signInCpu, jit, gc, warmUp);
		}

		void print() {
			double raw = hashes / hashCpu;
			double signIns = signedIn / signInCpu;
			double withoutJit = signedIn / (signInCpu - jit);
			System.out.printf("raw Argon2id (m=19456 KiB, t=2, p=1), %d thread%s : %8.1f /s/core  (own JVM on the provider's core)%n",
					concurrency, concurrency == 1 ? " " : "s", raw);
			double providerRaw = inProvider / inProviderCpu;
			System.out.printf("  the same loop inside the provider's JVM      : %8.1f /s/core%n", providerRaw);
			System.out.printf("password sign-ins (HTTP Basic), %d worker%s      : %8.1f /s/core  (cost beyond hashing: %+.1f%%; "
					+ "JIT %.1f%% and GC %.1f%% of CPU; warm-up %d s)%n", concurrency, concurrency == 1 ? " " : "s", signIns,
					(raw / signIns - 1) * 100, 100 * jit / signInCpu, 100 * gc / signInCpu, warmUp.toSeconds());
			System.out.printf("  the same without the JIT compilers' CPU      : %8.1f /s/core  (cost beyond hashing: %+.1f%%)%n",
					withoutJit, (raw / withoutJit - 1) * 100);
			System.out.printf("  beyond the loop inside the provider's JVM    : %+.1f%%%n", (providerRaw / signIns - 1) * 100);
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
				return String.format("%8.1f /s/core  (CPU per grant: JVM %.2f ms + PostgreSQL %.2f ms; JIT %.1f%% of CPU; "
						+ "wall clock %.1f /s)", perCpuSecond, jvmMs, postgresMs, 100 * jitShare, perWallSecond);
			}
		}

		/**
		 * Runs an operation in windows of five seconds until the JIT compilers spend under 5% of the
		 * provider's CPU in a window (or for two minutes at most): a one-off cost that would
		 * otherwise weigh on short phases as if every request paid it. Answers how long it took.
		 */
		Duration warmUp(int workers, IntFunction<Boolean> operation) throws InterruptedException {
			long start = System.nanoTime();
			for (int window = 0; window < 24; window++) {
				double before = seconds();
				double jitBefore = jitSeconds();
				rate(workers, Duration.ofSeconds(5), operation);
				if (jitSeconds() - jitBefore < 0.05 * (seconds() - before)) {
					break;
				}
			}
			return Duration.ofNanos(System.nanoTime() - start);
		}

		/** CPU seconds of the provider's JIT compiler threads. */
		double jitSeconds() {
			return threadSeconds(name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"));
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

		double seconds() {
			long ticks = ticks(provider) + ticks(postmaster);
			java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.matches("\\d+"));
			for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
				String[] stat = stat(Long.parseLong(process.getName()));
				if (stat != null && Long.parseLong(stat[1]) == postmaster) {
					ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
				}
			}
			return ticks / 100.0;
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

	private static double rate(int workers, Duration phase, IntFunction<Boolean> operation) throws InterruptedException {
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + phase.toNanos();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
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
		return done.get() / ((System.nanoTime() - start) / 1e9);
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
