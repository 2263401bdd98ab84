package coop.commonscloud.bench;

import coop.commonscloud.CommonsCloudApplication;
import coop.commonscloud.billing.Payments;
import coop.commonscloud.metering.PersonUsage;
import coop.commonscloud.metering.Usage;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Metering's monthly aggregation at settlement scale: COPY a month of daily usage rows (people x
 * offerings x active days) into {@code usage_day}, then time {@link Usage#forEachPersonUsage} (and
 * {@link Payments#forEachPersonTotal} over a payment per person) and the heap they need.
 */
public final class UsageBenchmark {

	public static void main(String[] args) throws Exception {
		int people = Integer.getInteger("bench.people", 100_000);
		int offerings = Integer.getInteger("bench.offerings", 20);
		int activeDays = Integer.getInteger("bench.active-days", 5); // of 30, per person and offering
		int runs = Integer.getInteger("bench.runs", 5);
		YearMonth period = YearMonth.of(2026, 9);
		System.out.printf(Locale.ROOT, "Usage benchmark: %,d people x %d offerings x %d of 30 days = about %,d usage rows%n",
				people, offerings, activeDays, (long) people * offerings * activeDays);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonsCloudApplication.class)
				.properties("server.port=0", "commonscloud.database.embedded.data-dir=temporary",
						"commonscloud.admin-password=bench-steward-password", "logging.level.root=WARN", "spring.main.banner-mode=off")
				.run(args);
		try {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			DataSource dataSource = context.getBean(DataSource.class);
			jdbc.sql("alter system set max_wal_size = '4GB'").update();
			jdbc.sql("select pg_reload_conf()").query((rs, row) -> 1).list();
			List<UUID> persons = new ArrayList<>(people);
			for (int i = 0; i < people; i++) {
				persons.add(UUID.randomUUID());
			}
			List<UUID> services = new ArrayList<>(offerings);
			for (int i = 0; i < offerings; i++) {
				services.add(UUID.randomUUID());
			}

			// rows arrive day by day, as the nightly roll-up writes them: COPY one day at a time
			long rows = 0;
			long t0 = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (int day = 1; day <= 30; day++) {
					LocalDate date = period.atDay(day);
					StringBuilder csv = new StringBuilder(32 * 1024 * 1024);
					for (int p = 0; p < people; p++) {
						for (int o = 0; o < offerings; o++) {
							if (Math.floorMod((p * 31 + o * 17 + day) * 2654435761L, 30) < activeDays) {
								csv.append(persons.get(p)).append(',').append(services.get(o)).append(',').append(date).append(",t,0\n");
							}
						}
					}
					rows += copy.copyIn("copy usage_day (person, offering, day, active, units) from stdin with (format csv)",
							new StringReader(csv.toString()));
				}
				// one payment per person in the period, for Payments#forEachPersonTotal
				StringBuilder csv = new StringBuilder(16 * 1024 * 1024);
				for (int p = 0; p < people; p++) {
					csv.append(UUID.randomUUID()).append(',').append(persons.get(p)).append(",4000,AUD,").append(period.atDay(1 + p % 28))
							.append(",bench,b-").append(p).append(",bench\n");
				}
				copy.copyIn("copy payment (id, person, amount_cents, currency, received_on, source, reference, recorded_by) "
						+ "from stdin with (format csv)", new StringReader(csv.toString()));
			}
			System.out.printf(Locale.ROOT, "COPY: %,d usage rows in %.1f s%n", rows, seconds(t0));
			t0 = System.nanoTime();
			jdbc.sql("vacuum analyze usage_day").update();
			jdbc.sql("vacuum analyze payment").update();
			System.out.printf(Locale.ROOT, "VACUUM ANALYZE: %.1f s; usage_day is %s with its indexes%n", seconds(t0),
					jdbc.sql("select pg_size_pretty(pg_total_relation_size('usage_day'))").query(String.class).single());
			System.out.println("Plan:");
			jdbc.sql("explain select person, offering, count(*) filter (where active), coalesce(sum(units), 0) from usage_day "
					+ "where period = ? group by person, offering order by person, offering").param(period.atDay(1))
					.query(String.class).list().forEach(line -> System.out.println("  " + line));

			Usage usage = context.getBean(Usage.class);
			Payments payments = context.getBean(Payments.class);
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			List<Double> usageSeconds = new ArrayList<>();
			List<Double> paymentSeconds = new ArrayList<>();
			long peak = 0;
			for (int run = 0; run <= runs; run++) {
				System.gc();
				long before = memory.getHeapMemoryUsage().getUsed();
				AtomicLong peopleSeen = new AtomicLong();
				AtomicLong activeSeen = new AtomicLong();
				long[] runPeak = {before};
				long start = System.nanoTime();
				usage.forEachPersonUsage(period, (PersonUsage u) -> {
					peopleSeen.incrementAndGet();
					u.offerings().forEach(o -> activeSeen.addAndGet(o.activeDays()));
					if (peopleSeen.get() % 1000 == 0) {
						runPeak[0] = Math.max(runPeak[0], memory.getHeapMemoryUsage().getUsed());
					}
				});
				double took = seconds(start);
				AtomicLong payers = new AtomicLong();
				start = System.nanoTime();
				payments.forEachPersonTotal(period, total -> payers.incrementAndGet());
				double paid = seconds(start);
				if (run > 0) { // the first run warms up
					usageSeconds.add(took);
					paymentSeconds.add(paid);
					peak = Math.max(peak, runPeak[0] - before);
				}
				System.out.printf(Locale.ROOT, "run %d: forEachPersonUsage %,d people, %,d active days in %.2f s; "
						+ "forEachPersonTotal %,d people in %.2f s%n", run, peopleSeen.get(), activeSeen.get(), took, payers.get(), paid);
			}
			System.out.printf(Locale.ROOT, "forEachPersonUsage: median %.2f s; forEachPersonTotal: median %.2f s; "
					+ "heap growth while streaming (sampled): at most %,d MB; max heap %,d MB%n", median(usageSeconds),
					median(paymentSeconds), peak / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
		} finally {
			context.close();
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}
}
