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
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Load over loopback against a running provider ({@code bench/run.sh} starts both, pinned to their
 * own cores); not a test. Measures, each for a fixed time with a fixed number of workers: a raw
 * Argon2id loop (m = 19 MiB, t = 2, p = 1, one thread), password sign-ins (HTTP Basic on the API),
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

		// raw Argon2id (the floor a sign-in cannot go below) and password sign-ins, in alternating
		// rounds, so that other load on the machine weighs on both alike
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		String hash = argon2.encode(PASSWORD);
		HttpRequest signIn = HttpRequest.newBuilder(URI.create(base + "/api/clients"))
				.header("Authorization", RegionApi.basic(username, PASSWORD)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")).build();
		rate(1, Duration.ofSeconds(3), i -> argon2.matches(PASSWORD, hash));
		rate(1, Duration.ofSeconds(3), i -> expect(http, signIn, 400));
		// the driver's whole process CPU time (JIT, GC), as the provider's is counted whole
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
				java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		Duration round = phase.dividedBy(4);
		long hashes = 0;
		double hashCpu = 0;
		long signedIn = 0;
		double signInCpu = 0;
		for (int r = 0; r < 4; r++) {
			long cpuBefore = os.getProcessCpuTime();
			long end = System.nanoTime() + round.toNanos();
			while (System.nanoTime() < end) {
				argon2.matches(PASSWORD, hash);
				hashes++;
			}
			hashCpu += (os.getProcessCpuTime() - cpuBefore) / 1e9;
			double before = cpu.seconds();
			signedIn += Math.round(rate(1, round, i -> expect(http, signIn, 400)) * round.toNanos() / 1e9);
			signInCpu += cpu.seconds() - before;
		}
		double raw = hashes / hashCpu;
		double signIns = signedIn / signInCpu;

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
		rate(workers, Duration.ofSeconds(3), refresh);
		double refreshes = cpu.perCpuSecond(() -> rate(workers, phase, refresh), phase);

		IntFunction<Boolean> machine = w -> check(region.token(client, Map.of("grant_type", "client_credentials",
				"scope", "api")), 200) != null;
		rate(workers, Duration.ofSeconds(3), machine);
		double clientCredentials = cpu.perCpuSecond(() -> rate(workers, phase, machine), phase);
		sampler.interrupt();

		System.out.println("rates per CPU-second (= per core): provider JVM + its PostgreSQL, measured from /proc");
		System.out.printf("raw Argon2id (m=19456 KiB, t=2, p=1)         : %8.1f /s/core%n", raw);
		System.out.printf("password sign-ins (HTTP Basic)               : %8.1f /s/core  (cost beyond hashing: %+.1f%%)%n",
				signIns, (raw / signIns - 1) * 100);
		System.out.printf("refresh grants (rotating), %d workers         : %8.1f /s/core%n", workers, refreshes);
		System.out.printf("client-credentials grants, %d workers         : %8.1f /s/core%n", workers, clientCredentials);
		System.out.printf("provider resident memory, maximum under load : %8.1f MB%n", maxRssKb.get() / 1024.0);
	}

	/** CPU seconds used by the provider and its PostgreSQL (postmaster and backends), from /proc. */
	record Cpu(long provider, long postmaster) {

		interface Phase {
			double run() throws InterruptedException;
		}

		/** Runs a phase; answers operations per CPU-second spent serving it. */
		double perCpuSecond(Phase phase, Duration length) throws InterruptedException {
			double before = seconds();
			double perWallSecond = phase.run();
			double used = seconds() - before;
			return perWallSecond * (length.toNanos() / 1e9) / used;
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
