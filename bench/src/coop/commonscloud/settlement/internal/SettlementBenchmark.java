package coop.commonscloud.settlement.internal;

import coop.commonscloud.CommonsCloudApplication;
import coop.commonscloud.billing.Payments;
import coop.commonscloud.billing.PersonPayments;
import coop.commonscloud.catalogue.ApplicationDetails;
import coop.commonscloud.catalogue.Audience;
import coop.commonscloud.catalogue.Catalogue;
import coop.commonscloud.catalogue.OfferingDetails;
import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.Servers;
import coop.commonscloud.metering.OfferingUsage;
import coop.commonscloud.metering.PersonUsage;
import coop.commonscloud.metering.Usage;
import coop.commonscloud.partners.Partner;
import coop.commonscloud.partners.PartnerDetails;
import coop.commonscloud.partners.Partners;
import coop.commonscloud.partners.Structure;
import coop.commonscloud.platform.Money;
import coop.commonscloud.region.Coordinates;
import coop.commonscloud.region.RegionSlug;
import coop.commonscloud.region.Regions;
import coop.commonscloud.region.Site;
import coop.commonscloud.region.SiteDetails;
import coop.commonscloud.region.SiteKind;
import coop.commonscloud.region.Sites;
import coop.commonscloud.settlement.internal.domain.PeriodTotals;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Settles a month of 100,000 people, 20 offerings (of 8 partners, 5 of them settler-run) and 30
 * days of usage, about 10 million daily usage rows, in a JVM with {@code -Xmx1g}.
 *
 * <p>By default ({@code -Dbench.sources=real}) the month is loaded into metering's {@code usage_day}
 * and billing's {@code payment}/{@code payment_refund} tables (see {@link RealLoad}) and settled
 * through the application's own {@code Payments} and {@code Usage}: the load is timed apart, then
 * the preview ({@code bench.runs} times) and the post (once: a posted period is final), and the two
 * source queries alone; the totals are checked against the loaded payments to the cent. With
 * {@code -Dbench.sources=synthetic}, the same month streams from memory ({@link Synthetic}) and
 * three distinct periods are previewed and posted, which isolates the settlement's own cost.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests test-compile exec:exec
 * -Dbench.main=coop.commonscloud.settlement.internal.SettlementBenchmark -Dbench.xmx=1g}.
 * Options (passed on to the forked JVM): {@code -Dbench.sources=real|synthetic},
 * {@code -Dbench.load=bulk|daily} (real sources: one sorted COPY with the indexes re-built after,
 * or one COPY per day into the indexed table, as production grows it),
 * {@code -Dbench.people=..}, {@code -Dbench.runs=..}.
 */
public final class SettlementBenchmark {

	static final int OFFERINGS = 20;
	static final int PARTNERS = 8;
	static final int DAYS = 30;

	/**
	 * The month drawn from a fixed seed, the same for both sources: 100,000 people (in PostgreSQL's
	 * uuid order), each one's net payment, and each one's offerings with the days of the month on
	 * which they used each one.
	 */
	static final class Month {

		final UUID[] people;
		final List<OfferingId> offerings;

		Month(int count, List<OfferingId> offerings) {
			Random random = new Random(20261021);
			people = new UUID[count];
			for (int i = 0; i < count; i++) {
				people[i] = new UUID(random.nextLong(), random.nextLong());
			}
			Arrays.sort(people, PeriodInputs.PERSON_ORDER);
			this.offerings = offerings;
		}

		/** Each person's net payment in the period, in cents (negative: refunded more than paid; zero: nothing). */
		void forEachNet(PersonNet sink) {
			SplittableRandom random = new SplittableRandom(1);
			long[] tiers = {83, 333, 833, 1000, 2500}; // a year's tier paid monthly, and pay-what-you-can
			for (int i = 0; i < people.length; i++) {
				int draw = random.nextInt(100);
				// 3 % refunded more than they paid this month, 2 % paid nothing (net zero: skipped)
				long cents = draw < 3 ? -random.nextInt(1, 2000) : draw < 5 ? 0 : tiers[random.nextInt(tiers.length)];
				sink.accept(i, people[i], cents);
			}
		}

		/**
		 * Each person's usage: about one in ten uses nothing, the others 2 to 7 offerings, each on
		 * 60 to 99 % of the 30 days. For each offering used, a bit mask of the active days and the
		 * units drawn for them (the synthetic source's reported units).
		 */
		void forEachUse(PersonUse sink) {
			SplittableRandom random = new SplittableRandom(2);
			for (int i = 0; i < people.length; i++) {
				if (random.nextInt(10) == 0) {
					continue;
				}
				int used = 2 + random.nextInt(6);
				int first = random.nextInt(OFFERINGS);
				int[] offering = new int[used];
				int[] days = new int[used];
				long[] units = new long[used];
				for (int k = 0; k < used; k++) {
					offering[k] = (first + k * 7) % OFFERINGS;
					int activity = 60 + random.nextInt(40); // percent of days this person uses it
					for (int day = 0; day < DAYS; day++) {
						if (random.nextInt(100) < activity) {
							days[k] |= 1 << day;
							units[k] += random.nextInt(1, 50);
						}
					}
				}
				sink.accept(i, people[i], offering, days, units);
			}
		}
	}

	interface PersonNet {
		void accept(int index, UUID person, long cents);
	}

	interface PersonUse {
		void accept(int index, UUID person, int[] offering, int[] dayMasks, long[] units);
	}

	/**
	 * Synthetic {@link Payments} and {@link Usage} streaming the {@link Month} from memory (no
	 * database), for comparison with the real path: {@code -Dbench.sources=synthetic}.
	 */
	static final class Synthetic implements Payments, Usage {

		final Month month;
		long dailyRows;

		Synthetic(Month month) {
			this.month = month;
		}

		@Override
		public void forEachPersonTotal(YearMonth period, Consumer<PersonPayments> sink) {
			month.forEachNet((i, person, cents) -> sink.accept(new PersonPayments(person, Money.of(cents, "AUD"))));
		}

		@Override
		public void forEachPersonUsage(YearMonth period, Consumer<PersonUsage> sink) {
			long[] rows = {0};
			month.forEachUse((i, person, offering, days, units) -> {
				List<OfferingUsage> usage = new ArrayList<>(offering.length);
				for (int k = 0; k < offering.length; k++) {
					int active = Integer.bitCount(days[k]);
					rows[0] += active;
					if (active > 0) {
						usage.add(new OfferingUsage(month.offerings.get(offering[k]), active, units[k]));
					}
				}
				sink.accept(new PersonUsage(person, usage));
			});
			dailyRows = rows[0];
		}
	}

	/**
	 * Loads the {@link Month} into metering's and billing's own tables, so settlement reads it
	 * through the application's real {@link Usage} and {@link Payments}:
	 *
	 * <ul>
	 * <li>{@code usage_day}: one sign-in row (active, 0 units) per person, offering and active day,
	 * COPYed in one transaction in the order of {@code usage_day_by_period} (person, offering, day),
	 * with the table's two indexes dropped before and re-created after from their own definitions
	 * ({@code pg_indexes}), {@code FREEZE} (the table is emptied in the same transaction), and
	 * {@code session_replication_role = replica} for the load so the foreign key's per-row trigger
	 * on {@code report} (null on every sign-in row) is not queued 10 million times; check
	 * constraints still apply and re-creating the unique index re-checks uniqueness (or, with
	 * {@code -Dbench.load=daily}, {@link #usageDayByDay});</li>
	 * <li>{@code payment} and {@code payment_refund}: one payment in the period per paying person;
	 * for a negative net, a payment the month before and a larger refund in the period; for a zero
	 * net, a payment and its full refund in the period. COPY with every trigger and index in place
	 * (the refund trigger checks each refund against its payment).</li>
	 * </ul>
	 *
	 * The payments are not posted to the ledger (billing's events are not raised by a COPY), so
	 * {@code Liabilities:UnsettledPayments} goes into debit when the settlement posts; the
	 * settlement itself does not read the ledger.
	 */
	static final class RealLoad {

		final Month month;
		final YearMonth period;
		long usageRows;
		long expectedNet;
		int expectedPeople;

		RealLoad(Month month, YearMonth period) {
			this.month = month;
			this.period = period;
		}

		/**
		 * The month as it would grow in production: one COPY per day (each its own transaction, as a
		 * nightly roll-up would write it), into the table with both indexes and every trigger in
		 * place. The indexes end up as random inserts leave them, which is what settlement reads in
		 * production unless someone re-indexes.
		 */
		void usageDayByDay(DataSource dataSource, JdbcClient jdbc) throws Exception {
			String[] offering = new String[OFFERINGS];
			for (int o = 0; o < OFFERINGS; o++) {
				offering[o] = month.offerings.get(o).value().toString();
			}
			long t0 = System.nanoTime();
			long rows = 0;
			try (Connection connection = dataSource.getConnection()) {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				for (int d = 0; d < DAYS; d++) {
					int bit = 1 << d;
					String day = period.atDay(d + 1).toString();
					StringBuilder csv = new StringBuilder(32 << 20);
					month.forEachUse((i, person, offerings, days, units) -> {
						String who = null;
						for (int k = 0; k < offerings.length; k++) {
							if ((days[k] & bit) != 0) {
								who = who == null ? person.toString() : who;
								csv.append(who).append(',').append(offering[offerings[k]]).append(',').append(day).append(",t,0\n");
							}
						}
					});
					long s = System.nanoTime();
					rows += copy.copyIn("copy usage_day (person, offering, day, active, units) from stdin with (format csv)",
							new StringReader(csv.toString()));
					if (d % 5 == 4) {
						System.out.printf(Locale.ROOT, "load: day %d COPYed in %.1f s, %,d rows so far, %.1f s in all; load average %s%n",
								d + 1, (System.nanoTime() - s) / 1e9, rows, (System.nanoTime() - t0) / 1e9, loadAverage());
					}
				}
			}
			usageRows = rows;
			long t1 = System.nanoTime();
			System.out.printf(Locale.ROOT, "load: COPY %,d usage_day rows day by day (indexes and triggers in place) in %.1f s%n",
					rows, (t1 - t0) / 1e9);
			jdbc.sql("vacuum analyze usage_day").update();
			System.out.printf(Locale.ROOT, "load: VACUUM ANALYZE usage_day in %.1f s; usage_day is %s with its indexes; "
					+ "usage load in all %.1f s%n", (System.nanoTime() - t1) / 1e9,
					jdbc.sql("select pg_size_pretty(pg_total_relation_size('usage_day'))").query(String.class).single(),
					(System.nanoTime() - t0) / 1e9);
		}

		void usage(DataSource dataSource, JdbcClient jdbc) throws Exception {
			List<String> indexes = jdbc.sql("select indexdef from pg_indexes where schemaname = current_schema() "
					+ "and tablename = 'usage_day' order by indexname").query(String.class).list();
			String[] offering = new String[OFFERINGS];
			Integer[] byId = new Integer[OFFERINGS]; // offering indexes in uuid order
			for (int o = 0; o < OFFERINGS; o++) {
				offering[o] = month.offerings.get(o).value().toString();
				byId[o] = o;
			}
			Arrays.sort(byId, (a, b) -> PeriodInputs.PERSON_ORDER.compare(month.offerings.get(a).value(), month.offerings.get(b).value()));
			int[] rank = new int[OFFERINGS];
			for (int r = 0; r < OFFERINGS; r++) {
				rank[byId[r]] = r;
			}
			String[] day = new String[DAYS];
			for (int d = 0; d < DAYS; d++) {
				day[d] = period.atDay(d + 1).toString();
			}
			long t0 = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.execute("set local session_replication_role = replica");
					statement.execute("set local maintenance_work_mem = '256MB'");
					statement.execute("truncate usage_day");
					for (String definition : indexes) {
						statement.execute("drop index " + definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
					}
				}
				CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
						"copy usage_day (person, offering, day, active, units) from stdin with (format csv, freeze)");
				StringBuilder csv = new StringBuilder(1 << 20);
				long[] rows = {0};
				month.forEachUse((i, person, offerings, days, units) -> {
					Integer[] order = new Integer[offerings.length];
					for (int k = 0; k < order.length; k++) {
						order[k] = k;
					}
					Arrays.sort(order, (a, b) -> Integer.compare(rank[offerings[a]], rank[offerings[b]]));
					String who = person.toString();
					for (int k : order) {
						for (int d = 0; d < DAYS; d++) {
							if ((days[k] & (1 << d)) != 0) {
								csv.append(who).append(',').append(offering[offerings[k]]).append(',').append(day[d]).append(",t,0\n");
								rows[0]++;
							}
						}
					}
					if (csv.length() > (1 << 20) - 4096) {
						write(copy, csv);
					}
				});
				write(copy, csv);
				copy.endCopy();
				usageRows = rows[0];
				long t1 = System.nanoTime();
				System.out.printf(Locale.ROOT, "load: COPY %,d usage_day rows (indexes dropped, sorted, FREEZE) in %.1f s%n", usageRows,
						(t1 - t0) / 1e9);
				try (Statement statement = connection.createStatement()) {
					for (String definition : indexes) {
						long s = System.nanoTime();
						statement.execute(definition);
						System.out.printf(Locale.ROOT, "load: %s in %.1f s%n", definition, (System.nanoTime() - s) / 1e9);
					}
				}
				connection.commit();
			}
			long t2 = System.nanoTime();
			jdbc.sql("vacuum analyze usage_day").update();
			System.out.printf(Locale.ROOT, "load: VACUUM ANALYZE usage_day in %.1f s; usage_day is %s with its indexes; "
					+ "usage load in all %.1f s%n", (System.nanoTime() - t2) / 1e9,
					jdbc.sql("select pg_size_pretty(pg_total_relation_size('usage_day'))").query(String.class).single(),
					(System.nanoTime() - t0) / 1e9);
		}

		void payments(DataSource dataSource, JdbcClient jdbc) throws Exception {
			long t0 = System.nanoTime();
			StringBuilder payments = new StringBuilder(16 << 20);
			StringBuilder refunds = new StringBuilder(1 << 20);
			long[] net = {0};
			int[] people = {0};
			String before = period.minusMonths(1).atDay(15).toString();
			month.forEachNet((i, person, cents) -> {
				String on = period.atDay(1 + i % 28).toString();
				UUID paymentId = new UUID(0x5e771e0000000000L | i, 1);
				if (cents > 0) {
					payment(payments, paymentId, person, cents, on, i);
				} else {
					long paid = cents < 0 ? 2500 : 833;
					payment(payments, paymentId, person, paid, cents < 0 ? before : on, i);
					refunds.append(new UUID(0x5e771e0000000000L | i, 2)).append(',').append(paymentId).append(',').append(person)
							.append(',').append(cents < 0 ? -cents : paid).append(",AUD,").append(on)
							.append(",bench refund,bench\n");
				}
				if (cents != 0) {
					net[0] += cents;
					people[0]++;
				}
			});
			expectedNet = net[0];
			expectedPeople = people[0];
			try (Connection connection = dataSource.getConnection()) {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				long paid = copy.copyIn("copy payment (id, person, amount_cents, currency, received_on, source, reference, method, "
						+ "recorded_by) from stdin with (format csv)", new StringReader(payments.toString()));
				long refunded = copy.copyIn("copy payment_refund (id, payment_id, person, amount_cents, currency, refunded_on, why, "
						+ "recorded_by) from stdin with (format csv)", new StringReader(refunds.toString()));
				jdbc.sql("analyze payment").update();
				jdbc.sql("analyze payment_refund").update();
				System.out.printf(Locale.ROOT, "load: COPY %,d payments and %,d refunds (triggers and indexes in place) in %.1f s; "
						+ "%,d people with a non-zero net, %s in all%n", paid, refunded, (System.nanoTime() - t0) / 1e9, expectedPeople,
						Money.of(expectedNet, "AUD"));
			}
		}

		private static void payment(StringBuilder csv, UUID id, UUID person, long cents, String on, int i) {
			csv.append(id).append(',').append(person).append(',').append(cents).append(",AUD,").append(on)
					.append(",bench,B-").append(i).append(",bank transfer,bench\n");
		}

		private static void write(CopyIn copy, StringBuilder csv) {
			byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
			try {
				copy.writeToCopy(bytes, 0, bytes.length);
			} catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
			csv.setLength(0);
		}
	}

	public static void main(String[] args) throws Exception {
		int people = Integer.getInteger("bench.people", 100_000);
		int runs = Integer.getInteger("bench.runs", 3);
		boolean real = !"synthetic".equals(System.getProperty("bench.sources", "real"));
		List<OfferingId> offerings = new ArrayList<>(); // filled once the offerings exist
		Month month = new Month(people, offerings);
		Synthetic synthetic = new Synthetic(month);
		System.out.printf(Locale.ROOT, "Settlement benchmark, %s sources, %,d people, max heap %d MB, load average %s%n",
				real ? "real (metering's usage_day, billing's payment tables)" : "synthetic (in memory)", people,
				Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
		SpringApplicationBuilder builder = new SpringApplicationBuilder(CommonsCloudApplication.class)
				.properties("server.port=0", "commonscloud.database.embedded.data-dir=temporary",
						"commonscloud.admin-password=steward-password-for-tests", "logging.level.root=WARN",
						"spring.main.banner-mode=off");
		if (!real) { // primary, so it wins over billing's and metering's beans
			builder.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean(Synthetic.class, () -> synthetic,
					definition -> definition.setPrimary(true)));
		}
		ConfigurableApplicationContext context = builder.run(args);
		try {
			SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
					null, AuthorityUtils.createAuthorityList("ROLE_STEWARD")));
			setUp(context, offerings);
			SettlingPeriod settling = context.getBean(SettlingPeriod.class);
			SettlementStore store = context.getBean(SettlementStore.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			if (real) {
				realPath(context, settling, store, jdbc, month, runs);
			} else {
				syntheticPath(settling, store, jdbc, synthetic, runs);
			}
		} finally {
			SecurityContextHolder.clearContext();
			context.close();
		}
	}

	/**
	 * Loads one month through the real tables, previews it {@code runs} times and posts it once (a
	 * posted period is final, and loading a month per run would triple the load), then times the
	 * two source queries alone, to show where the time goes.
	 */
	static void realPath(ConfigurableApplicationContext context, SettlingPeriod settling, SettlementStore store, JdbcClient jdbc,
			Month month, int runs) throws Exception {
		YearMonth period = YearMonth.of(2026, 10);
		DataSource dataSource = context.getBean(DataSource.class);
		jdbc.sql("alter system set max_wal_size = '4GB'").update();
		jdbc.sql("select pg_reload_conf()").query((rs, row) -> 1).list();
		RealLoad load = new RealLoad(month, period);
		long t0 = System.nanoTime();
		if ("daily".equals(System.getProperty("bench.load"))) {
			load.usageDayByDay(dataSource, jdbc);
		} else {
			load.usage(dataSource, jdbc);
		}
		load.payments(dataSource, jdbc);
		System.out.printf(Locale.ROOT, "load: %.1f s in all; load average %s%n", (System.nanoTime() - t0) / 1e9, loadAverage());

		List<Long> previews = new ArrayList<>();
		List<Long> previewPeaks = new ArrayList<>();
		long previewed = 0;
		for (int run = 0; run < runs; run++) {
			System.gc();
			resetPeaks();
			long s = System.nanoTime();
			SettlingPeriod.Preview preview = settling.preview(period);
			long took = (System.nanoTime() - s) / 1_000_000;
			previews.add(took);
			previewPeaks.add(peakHeap());
			previewed = preview.result().payments();
			check(preview.result(), load, "preview");
			System.out.printf(Locale.ROOT, "preview %d: %.1f s, peak heap %d MB, %,d people, paid %s; load average %s%n", run + 1,
					took / 1e3, peakHeap() / (1024 * 1024), preview.result().people(), preview.result().money(previewed), loadAverage());
		}

		System.gc();
		resetPeaks();
		long s = System.nanoTime();
		SettlementStore.Run posted = settling.settle(period);
		long post = (System.nanoTime() - s) / 1_000_000;
		long postPeak = peakHeap();
		var result = store.postedResult(posted).orElseThrow();
		check(result, load, "posted");
		long lines = jdbc.sql("select count(*) from settlement_line where run_id = :id").param("id", posted.id())
				.query(Long.class).single();
		System.out.printf(Locale.ROOT, "post: %.1f s, peak heap %d MB; %,d people, %,d lines stored; paid %s = stewardship %s "
				+ "+ providers %s + land-back %s + commons fund %s, %d providers; load average %s%n", post / 1e3,
				postPeak / (1024 * 1024), posted.peopleTotal(), lines, result.money(result.payments()),
				result.money(result.stewardship()), result.money(result.providersPayable()), result.money(result.landBack()),
				result.money(result.commonsFund()), result.providers().size(), loadAverage());

		// where the time goes: each source query alone, streamed to a sink that only counts
		Usage usage = context.getBean(Usage.class);
		Payments payments = context.getBean(Payments.class);
		long[] counted = new long[3];
		s = System.nanoTime();
		usage.forEachPersonUsage(period, u -> {
			counted[0]++;
			u.offerings().forEach(o -> counted[1] += o.activeDays());
		});
		long usageQuery = (System.nanoTime() - s) / 1_000_000;
		s = System.nanoTime();
		payments.forEachPersonTotal(period, p -> counted[2]++);
		long paymentsQuery = (System.nanoTime() - s) / 1_000_000;
		if (counted[1] != load.usageRows) {
			throw new IllegalStateException("metering counted " + counted[1] + " active days, " + load.usageRows + " were loaded");
		}
		System.out.printf(Locale.ROOT, "source queries alone: Usage#forEachPersonUsage %.1f s (%,d people, %,d active days = "
				+ "the rows loaded), Payments#forEachPersonTotal %.1f s (%,d people)%n", usageQuery / 1e3, counted[0], counted[1],
				paymentsQuery / 1e3, counted[2]);
		System.out.printf(Locale.ROOT, "result: %,d usage_day rows; preview median of %d %.1f s (peak heap median %d MB); "
				+ "post %.1f s (peak heap %d MB); of which reading usage about %.1f s and payments %.1f s; posted total %s equals the "
				+ "loaded payments to the cent; max heap %d MB; load average %s%n", load.usageRows, runs, median(previews) / 1e3,
				median(previewPeaks) / (1024 * 1024), post / 1e3, postPeak / (1024 * 1024), usageQuery / 1e3, paymentsQuery / 1e3,
				result.money(result.payments()), Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage());
	}

	/** The settlement's totals equal what was loaded, to the cent, and its parts sum to them. */
	static void check(PeriodTotals.Result result, RealLoad load, String what) {
		if (result.payments() != load.expectedNet || result.people() != load.expectedPeople) {
			throw new IllegalStateException(what + ": " + result.people() + " people paid " + result.payments() + " cents; loaded "
					+ load.expectedPeople + " people, " + load.expectedNet + " cents");
		}
		long parts = result.stewardship() + result.providersPayable() + result.landBack() + result.commonsFund();
		if (parts != result.payments()) {
			throw new IllegalStateException(what + ": parts sum to " + parts + ", payments " + result.payments());
		}
	}

	static void syntheticPath(SettlingPeriod settling, SettlementStore store, JdbcClient jdbc, Synthetic synthetic, int runs) {
		List<Long> previews = new ArrayList<>();
		List<Long> posts = new ArrayList<>();
		List<Long> peaks = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			YearMonth period = YearMonth.of(2026, 10).minusMonths(run);
			System.gc();
			resetPeaks();
			long t0 = System.nanoTime();
			SettlingPeriod.Preview preview = settling.preview(period);
			long t1 = System.nanoTime();
			SettlementStore.Run posted = settling.settle(period);
			long t2 = System.nanoTime();
			long peak = peakHeap();
			previews.add((t1 - t0) / 1_000_000);
			posts.add((t2 - t1) / 1_000_000);
			peaks.add(peak);
			long lines = jdbc.sql("select count(*) from settlement_line where run_id = :id").param("id", posted.id())
					.query(Long.class).single();
			var result = store.postedResult(posted).orElseThrow();
			System.out.printf(Locale.ROOT, "run %d (%s): %,d people paid, %,d daily usage rows, %,d lines stored; "
					+ "preview %.1f s, post %.1f s, peak heap %d MB; paid %s, stewardship %s, land-back %s, %d providers; "
					+ "load average %s%n", run + 1, period, posted.peopleTotal(), synthetic.dailyRows, lines, (t1 - t0) / 1e9,
					(t2 - t1) / 1e9, peak / (1024 * 1024), result.money(result.payments()), result.money(result.stewardship()),
					result.money(result.landBack()), result.providers().size(), loadAverage());
			if (preview.result().payments() != result.payments()) {
				throw new IllegalStateException("preview and posted totals differ");
			}
		}
		System.out.printf(Locale.ROOT, "median over %d runs: preview %.1f s, post (read, split, store, ledger) %.1f s, "
				+ "peak heap %d MB, max heap %d MB%n", runs, median(previews) / 1e3, median(posts) / 1e3,
				median(peaks) / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	static String loadAverage() {
		try {
			String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		} catch (java.io.IOException e) {
			return "unknown";
		}
	}

	static void setUp(ConfigurableApplicationContext context, List<OfferingId> offerings) {
		Regions regions = context.getBean(Regions.class);
		Sites sites = context.getBean(Sites.class);
		Servers servers = context.getBean(Servers.class);
		Partners partners = context.getBean(Partners.class);
		Catalogue catalogue = context.getBean(Catalogue.class);
		RegionSlug region = new RegionSlug("bench");
		regions.createOrRename(region, "Bench region");
		List<Partner> made = new ArrayList<>();
		List<coop.commonscloud.infrastructure.ServerId> serverIds = new ArrayList<>();
		for (int p = 0; p < PARTNERS; p++) {
			Partner partner = partners.register(new PartnerDetails("Co-op " + (char) ('A' + p), Structure.REGISTERED_COOPERATIVE,
					"C" + p, List.of()));
			partners.declareSettlerRun(partner.id(), p < 5);
			Site site = sites.add(new SiteDetails(region, partner.id(), "Rack " + p, SiteKind.PARTNER_RACK,
					new Coordinates(-37.8, 144.9 + p / 100.0), null));
			serverIds.add(servers.add(new ServerDetails(partner.id(), site.id(), "srv-" + p, ServerRole.REGIONAL, null, 40, 10,
					1000, 300, null, null)).id());
			made.add(partner);
		}
		String[] apps = {"Nextcloud", "Matrix", "Mastodon", "Forgejo", "Jitsi", "Discourse", "Peertube", "Immich", "Vaultwarden",
				"Paperless", "Wiki.js", "Mattermost", "Lemmy", "Pixelfed", "Funkwhale", "Mobilizon", "Etherpad", "Hedgedoc",
				"Gitea", "Kanboard"};
		for (int o = 0; o < OFFERINGS; o++) {
			var app = catalogue.addApplication(new ApplicationDetails(apps[o], "AGPL-3.0-or-later", false, null, null));
			int p = o % PARTNERS;
			offerings.add(catalogue.addOffering(new OfferingDetails(made.get(p).id(), serverIds.get(p), app.id(),
					Audience.MEMBERS_ONLY, false, false, null)).id());
		}
	}

	static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** The sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
	static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
