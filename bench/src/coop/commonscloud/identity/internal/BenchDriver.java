package coop.commonscloud.identity.internal;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
		BenchCpu cpu = new BenchCpu(pid, postmaster);
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
		BenchSignIns alone = null;
		BenchSignIns together = null;
		BenchPairedSignIns paired = null;
		if (measureSignIns) {
			BenchRawArgon2 rawLoop = BenchRawArgon2.start(providerCpu);
			BenchRawArgon2 providerLoop = BenchRawArgon2.connect(argon2Port);
			rawLoop.run(Duration.ofSeconds(5), 1);
			providerLoop.run(Duration.ofSeconds(5), 1);
			// a sign-in is rare next to a grant (about 20 a second per core), so its request path reaches the JIT's
			// thresholds slowly: compiling went on for about three minutes of sign-ins, at 5 to 10 % of the CPU.
			// Warm up until the compilers use under 1 % in a 10-second window (at most six minutes): the steady state
			// of a provider that has been up for more than a few minutes.
			Duration signInWarmUp = cpu.warmUp(1, signingIn, Duration.ofSeconds(10), 0.01, 36);
			// like for like: one sign-in at a time against a one-thread loop, then as many concurrent
			// sign-ins as workers against as many hashing threads, all on the provider's one core
			paired = BenchPairedSignIns.measure(cpu, providerLoop, (int) Math.max(100, phase.toSeconds() * 20), signingIn);
			alone = BenchSignIns.measure(cpu, rawLoop, providerLoop, 1, phase, signingIn, signInWarmUp);
			together = workers > 1 ? BenchSignIns.measure(cpu, rawLoop, providerLoop, workers, phase, signingIn, Duration.ZERO) : null;
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
		BenchCpu.Result refreshes = cpu.measure(() -> BenchWorkers.rate(workers, phase, refresh), phase);

		IntFunction<Boolean> machine = w -> check(region.token(client, Map.of("grant_type", "client_credentials",
				"scope", "api")), 200) != null;
		// BENCH_PHASES=refresh stops after the refresh grants (for profiling them alone)
		boolean measureMachines = !"refresh".equals(System.getenv("BENCH_PHASES"));
		Duration machineWarmUp = measureMachines ? cpu.warmUp(workers, machine) : Duration.ZERO;
		BenchCpu.Result clientCredentials = measureMachines ? cpu.measure(() -> BenchWorkers.rate(workers, phase, machine), phase) : null;
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

	private static void printSignIns(BenchPairedSignIns paired, BenchSignIns alone, BenchSignIns together) {
		if (paired != null) {
			paired.print();
		}
		for (BenchSignIns signIns : new BenchSignIns[] {alone, together}) {
			if (signIns != null) {
				signIns.print();
			}
		}
	}

	static boolean expect(HttpClient http, HttpRequest request, int status) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			check(response, status);
			return true;
		} catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	static HttpResponse<String> check(HttpResponse<String> response, int status) {
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