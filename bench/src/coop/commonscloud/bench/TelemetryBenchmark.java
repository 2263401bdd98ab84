package coop.commonscloud.bench;

import coop.commonscloud.CommonsCloudApplication;
import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.RenewableShare;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Telemetry load driver: a year of 5-minute readings for 100 servers into embedded PostgreSQL,
 * then the renewable-share query for one server. A sample goes through the real ingest path (the
 * service, and HTTP with JSON) into the table at full volume; the bulk goes in first with COPY, after
 * which the daily rollup is rebuilt with the same SQL function ingest uses. Everything stays on this machine (loopback only).
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests test-compile exec:exec}. Sizes can be changed with
 * {@code -Dbench.servers=..}, {@code -Dbench.days=..} (passed on to the forked JVM).
 */
public final class TelemetryBenchmark {

	static final String STEWARD_PASSWORD = "steward-password-for-tests";
	static final int PER_DAY = 288;

	public static void main(String[] args) throws Exception {
		int serverCount = Integer.getInteger("bench.servers", 100);
		int days = Integer.getInteger("bench.days", 365);
		int serviceSampleServers = Math.min(Integer.getInteger("bench.service-sample-servers", 5), serverCount - 1);
		int serviceSampleDays = Math.min(Integer.getInteger("bench.service-sample-days", 28), days);
		int httpSampleDays = Math.min(Integer.getInteger("bench.http-sample-days", 14), days);
		Instant end = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant start = end.minus(days, ChronoUnit.DAYS);
		System.out.printf(Locale.ROOT, "Telemetry benchmark: %d servers x %d days x %d readings/day = %,d readings (%s to %s)%n",
				serverCount, days, PER_DAY, (long) serverCount * days * PER_DAY, start, end);

		ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonsCloudApplication.class)
				.properties("server.port=0", "commonscloud.database.embedded.data-dir=temporary",
						"commonscloud.admin-password=" + STEWARD_PASSWORD, "logging.level.root=WARN",
						"spring.main.banner-mode=off")
				.run(args);
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Api api = new Api("http://127.0.0.1:" + port);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DataSource dataSource = context.getBean(DataSource.class);
			Telemetry telemetry = context.getBean(Telemetry.class);
			jdbc.sql("alter system set max_wal_size = '4GB'").update();
			jdbc.sql("select pg_reload_conf()").query((rs, row) -> 1).list();

			List<UUID> servers = setUp(api, serverCount);
			jdbc.sql("select ensure_power_reading_partitions(?, ?)").params(Timestamp.from(start), Timestamp.from(end))
					.query((rs, row) -> 1).list();

			// 1. the bulk: COPY the year of every server, except the last weeks of a few servers,
			// which then go through the real ingest path into a table already at full volume
			int httpServer = serviceSampleServers;
			long copied = 0;
			long t0 = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (int s = 0; s < serverCount; s++) {
					int tail = s < serviceSampleServers ? serviceSampleDays : s == httpServer ? httpSampleDays : 0;
					StringBuilder csv = new StringBuilder(8 * 1024 * 1024);
					Profile.of(s).csv(csv, servers.get(s), start, 0, days - tail);
					copied += copy.copyIn("copy power_reading (source_kind, source_id, measured_at, consumption_w, renewable_w, "
							+ "grid_import_w, battery_wh) from stdin with (format csv)", new StringReader(csv.toString()));
				}
			}
			double copySeconds = seconds(t0);
			System.out.printf(Locale.ROOT, "Ingest, bulk COPY: %,d readings in %.1f s = %,.0f readings/s%n", copied, copySeconds,
					copied / copySeconds);

			// 2. COPY bypasses the rollup upkeep of ingest: rebuild it with the same SQL function
			t0 = System.nanoTime();
			int rolled = 0;
			for (UUID server : servers) {
				rolled += jdbc.sql("select refresh_power_days(?, ?, ?, ?)")
						.params(server, LocalDate.ofInstant(start, ZoneOffset.UTC), LocalDate.ofInstant(end, ZoneOffset.UTC), 300)
						.query(Integer.class).single();
			}
			double rollupSeconds = seconds(t0);
			System.out.printf(Locale.ROOT, "Daily rollup rebuilt after COPY: %,d server-days in %.1f s%n", rolled, rollupSeconds);
			jdbc.sql("vacuum analyze power_reading").update();
			jdbc.sql("vacuum analyze power_day").update();

			// 3. the real ingest path, in the service: week-long batches, at full volume
			asSteward();
			long serviceReadings = 0;
			t0 = System.nanoTime();
			for (int s = 0; s < serviceSampleServers; s++) {
				for (int day = days - serviceSampleDays; day < days; day += 7) {
					List<PowerReading> batch = Profile.of(s).readings(start, day, Math.min(7, days - day));
					TelemetrySource source = TelemetrySource.server(new ServerId(servers.get(s)));
					telemetry.ingest(batch.stream().map(r -> new SourcedReading(source, r)).toList(), false);
					serviceReadings += batch.size();
				}
			}
			double serviceSeconds = seconds(t0);
			System.out.printf(Locale.ROOT, "Ingest, service path (week batches, with rollup upkeep): %,d readings in %.1f s = %,.0f readings/s%n",
					serviceReadings, serviceSeconds, serviceReadings / serviceSeconds);
			t0 = System.nanoTime();
			for (int day = days - serviceSampleDays; day < days; day += 7) {
				List<PowerReading> batch = Profile.of(0).readings(start, day, Math.min(7, days - day));
				TelemetrySource source = TelemetrySource.server(new ServerId(servers.get(0)));
				telemetry.ingest(batch.stream().map(r -> new SourcedReading(source, r)).toList(), false);
			}
			System.out.printf(Locale.ROOT, "Re-sending %d days of one server (all duplicates, ignored): %.2f s%n",
					serviceSampleDays, seconds(t0));

			// 4. the real ingest path over HTTP: JSON, HTTP Basic, week-long batches
			long httpReadings = 0;
			t0 = System.nanoTime();
			for (int day = days - httpSampleDays; day < days; day += 7) {
				List<PowerReading> batch = Profile.of(httpServer).readings(start, day, Math.min(7, days - day));
				api.post("/api/servers/" + servers.get(httpServer) + "/readings", json(batch));
				httpReadings += batch.size();
			}
			double httpSeconds = seconds(t0);
			System.out.printf(Locale.ROOT, "Ingest, HTTP JSON path (week batches): %,d readings in %.1f s = %,.0f readings/s%n",
					httpReadings, httpSeconds, httpReadings / httpSeconds);

			long rows = jdbc.sql("select count(*) from power_reading").query(Long.class).single();
			String size = jdbc.sql("select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits "
					+ "where inhparent = 'power_reading'::regclass").query(String.class).single();
			System.out.printf(Locale.ROOT, "Stored: %,d readings in %s (monthly partitions, with primary-key index)%n", rows, size);

			// 4. the renewable-share query for one server
			ServerId probe = new ServerId(servers.get(serverCount / 2));
			Instant asOf = Instant.now();
			RenewableShare share = telemetry.renewableShareOfServer(probe, asOf);
			System.out.printf(Locale.ROOT, "Server %s: share %s %%, %d days with data, %.0f h covered, %d fully renewable days%n",
					probe, share.sharePercent().map(Object::toString).orElse("-"), share.daysWithData(), share.coveredHours(),
					share.fullyRenewableDays());
			report("Renewable share, service call", timings(20, 50, () -> telemetry.renewableShareOfServer(probe, asOf)));
			report("Renewable share, HTTP GET /api/servers/{id}/renewable-share",
					timings(20, 50, () -> api.get("/api/servers/" + probe.value() + "/renewable-share")));
			report("For comparison, the same year aggregated from raw readings (no rollup)", timings(2, 5, () -> jdbc.sql(
					"select sum(consumption_w * dt) / 3600, sum(grid_import_w * dt) / 3600 from (select consumption_w, "
							+ "grid_import_w, least(extract(epoch from lead(measured_at) over (order by measured_at) - measured_at)"
							+ "::float8, 300) as dt from power_reading where source_id = ? and measured_at >= ?) r")
					.params(probe.value(), Timestamp.from(asOf.minus(365, ChronoUnit.DAYS))).query((rs, row) -> 1).list()));
		} finally {
			context.close();
		}
	}

	static void asSteward() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, AuthorityUtils.createAuthorityList("ROLE_STEWARD")));
	}

	static List<UUID> setUp(Api api, int count) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		api.put("/api/regions/bench-" + suffix, "{\"name\":\"Benchmark region\"}");
		String partner = api.id(api.post("/api/partners", "{\"legalName\":\"Bench co-op " + suffix + "\",\"structure\":"
				+ "\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"B-" + suffix + "\",\"contacts\":[]}"));
		String site = api.id(api.post("/api/sites", "{\"region\":\"bench-" + suffix + "\",\"partnerId\":\"" + partner
				+ "\",\"name\":\"Bench rack\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}"));
		List<UUID> servers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			servers.add(UUID.fromString(api.id(api.post("/api/servers", "{\"partnerId\":\"" + partner + "\",\"siteId\":\"" + site
					+ "\",\"name\":\"bench-" + i + "\",\"role\":\"REGIONAL\",\"nominalDrawW\":45,\"lowPowerDrawW\":12,"
					+ "\"batteryWh\":2000,\"renewablePeakW\":300}"))));
		}
		return servers;
	}

	static String json(List<PowerReading> readings) {
		StringBuilder json = new StringBuilder(readings.size() * 120).append("{\"readings\":[");
		for (int i = 0; i < readings.size(); i++) {
			PowerReading r = readings.get(i);
			json.append(i == 0 ? "" : ",").append("{\"at\":\"").append(r.at()).append("\",\"consumptionW\":")
					.append(r.consumptionW()).append(",\"renewableW\":").append(r.renewableW()).append(",\"gridImportW\":")
					.append(r.gridImportW()).append(",\"batteryWh\":").append(r.batteryWh()).append('}');
		}
		return json.append("]}").toString();
	}

	interface Action {
		void run() throws Exception;
	}

	static double[] timings(int warmUp, int runs, Action action) throws Exception {
		for (int i = 0; i < warmUp; i++) {
			action.run();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			action.run();
			millis[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	static void report(String what, double[] sorted) {
		System.out.printf(Locale.ROOT, "%s: median %.2f ms, p95 %.2f ms, max %.2f ms (%d runs after warm-up)%n", what,
				sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1],
				sorted.length);
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	/** A server's synthetic year: steady load, sun by day under daily clouds, a battery, the grid when it runs dry. */
	record Profile(long seed, double loadW, double peakW, double batteryWh) {

		static Profile of(int server) {
			Random random = new Random(server);
			return new Profile(server, 25 + random.nextInt(20), 200 + random.nextInt(200), 600 + random.nextInt(1000));
		}

		/** Readings for {@code count} days from {@code firstDay} days after {@code start}. */
		List<PowerReading> readings(Instant start, int firstDay, int count) {
			List<PowerReading> readings = new ArrayList<>(count * PER_DAY);
			walk(start, firstDay, count, (at, c, r, g, b) -> readings.add(new PowerReading(at, c, r, g, b)));
			return readings;
		}

		int csv(StringBuilder out, UUID server, Instant start, int firstDay, int count) {
			int[] rows = {0};
			walk(start, firstDay, count, (at, c, r, g, b) -> {
				out.append("SERVER,").append(server).append(',').append(at).append(',').append(c).append(',').append(r)
						.append(',').append(g).append(',').append(b).append('\n');
				rows[0]++;
			});
			return rows[0];
		}

		interface Sink {
			void reading(Instant at, double consumption, double renewable, double grid, double battery);
		}

		/** Deterministic per server and day, so the service, HTTP and COPY parts join up seamlessly. */
		void walk(Instant start, int firstDay, int count, Sink sink) {
			double charge = batteryWh * 0.8;
			for (int day = firstDay; day < firstDay + count; day++) {
				Random random = new Random(seed * 100_003 + day);
				Instant midnight = start.plus(day, ChronoUnit.DAYS);
				double doy = LocalDate.ofInstant(midnight, ZoneOffset.UTC).getDayOfYear();
				double season = 0.65 + 0.35 * Math.cos(2 * Math.PI * (doy - 355) / 365.0);
				double clouds = 0.15 + 0.85 * random.nextDouble();
				for (int slot = 0; slot < PER_DAY; slot++) {
					double hour = slot / 12.0;
					double sun = hour < 6 || hour > 20 ? 0 : Math.sin(Math.PI * (hour - 6) / 14);
					double renewable = round(peakW * sun * season * clouds);
					double consumption = round(loadW + 4 * random.nextGaussian());
					double net = (renewable - consumption) * 5 / 60.0;
					double grid = 0;
					if (net >= 0) {
						charge = Math.min(batteryWh, charge + net);
					} else if (charge + net >= batteryWh * 0.1) {
						charge += net;
					} else {
						grid = round(consumption - renewable);
					}
					sink.reading(midnight.plusSeconds(slot * 300L), Math.max(0, consumption), renewable, grid, round(charge));
				}
			}
		}

		static double round(double value) {
			return Math.round(value * 10) / 10.0;
		}
	}

	/** A small HTTP client for the loopback API, as the steward. */
	static final class Api {
		private static final Pattern ID = Pattern.compile("\"id\":\\{\"value\":\"([0-9a-f-]{36})\"|\"id\":\"([0-9a-f-]{36})\"");
		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		private final String base;
		private final String authorization = "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + STEWARD_PASSWORD).getBytes(StandardCharsets.UTF_8));

		Api(String base) {
			this.base = base;
		}

		String post(String path, String json) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)));
		}

		String put(String path, String json) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
		}

		/** A public read: no credentials, so no password hashing on the server side. */
		String get(String path) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
					.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			return response.body();
		}

		private String send(HttpRequest.Builder request) throws Exception {
			HttpResponse<String> response = http.send(request.header("Authorization", authorization)
					.header("Content-Type", "application/json").timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			return response.body();
		}

		String id(String json) {
			Matcher m = ID.matcher(json);
			if (!m.find()) {
				throw new IllegalStateException("no id in " + json);
			}
			return m.group(1) != null ? m.group(1) : m.group(2);
		}
	}
}
