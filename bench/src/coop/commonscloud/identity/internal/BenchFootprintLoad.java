package coop.commonscloud.identity.internal;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The load of {@code bench/footprint.sh}: against a running platform, each worker rotates its own
 * refresh-token family and views two public pages on every round, and signs in with a password
 * (Argon2id) on every tenth, as fast as the platform answers; the same operations as
 * {@code bench/run.sh}, mixed, because the memory they need at once is what is measured.
 * Arguments: base URL, seconds, workers. Needs the steward password of {@link StewardCalls}.
 */
public final class BenchFootprintLoad {

	private BenchFootprintLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Duration time = Duration.ofSeconds(Long.parseLong(args[1]));
		int workers = Integer.parseInt(args[2]);

		StewardCalls region = new StewardCalls(base);
		StewardCalls.Client client = region.client("Footprint service", List.of(AuthorizationCodeFlow.REDIRECT), false, true);
		String username = StewardCalls.unique("footprint");
		BenchDriver.check(region.asSteward("POST", "/api/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"Footprint\",\"password\":\"" + StewardCalls.PASSWORD + "\"}"), 201);
		AuthorizationCodeFlow flow = new AuthorizationCodeFlow(region);
		String[] refreshTokens = new String[workers];
		for (int w = 0; w < workers; w++) {
			Pkce pkce = Pkce.fresh();
			String code = flow.code(new Browser(), client, pkce, username);
			refreshTokens[w] = JsonPath.read(BenchDriver.check(flow.exchange(client, code, AuthorizationCodeFlow.REDIRECT,
					pkce.verifier()), 200).body(), "$.refresh_token");
		}

		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest signIn = HttpRequest.newBuilder(URI.create(base + "/api/clients"))
				.header("Authorization", StewardCalls.basic(username, StewardCalls.PASSWORD))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
		HttpRequest home = HttpRequest.newBuilder(URI.create(base + "/")).header("Accept-Encoding", "gzip").build();
		HttpRequest decisions = HttpRequest.newBuilder(URI.create(base + "/decisions")).build();
		AtomicLong signIns = new AtomicLong();
		AtomicLong refreshes = new AtomicLong();
		AtomicLong pages = new AtomicLong();
		long[] rounds = new long[workers];
		IntFunction<Boolean> round = w -> {
			HttpResponse<String> rotated = BenchDriver.check(flow.refresh(client, refreshTokens[w]), 200);
			refreshTokens[w] = JsonPath.read(rotated.body(), "$.refresh_token");
			refreshes.incrementAndGet();
			BenchDriver.expect(http, home, 200);
			BenchDriver.expect(http, decisions, 200);
			pages.addAndGet(2);
			if (rounds[w]++ % 10 == 0) {
				BenchDriver.expect(http, signIn, 400);
				signIns.incrementAndGet();
			}
			return true;
		};
		long start = System.nanoTime();
		BenchWorkers.count(workers, time, round);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("load: %d workers for %.0f s: %.0f refresh grants/s, %.0f page views/s, %.1f sign-ins/s%n",
				workers, seconds, refreshes.get() / seconds, pages.get() / seconds, signIns.get() / seconds);
	}
}
