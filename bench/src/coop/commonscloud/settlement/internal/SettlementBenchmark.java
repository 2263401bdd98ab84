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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Settles a month of 100,000 people, 20 offerings (of 8 partners, 5 of them settler-run) and 30
 * days of usage, about 10 million daily usage rows. Billing's and metering's implementations live
 * on other branches, so this driver brings its own {@link Payments} and {@link Usage} that stream
 * synthetic data from a fixed seed; each person's usage is drawn day by day (the daily rows) and
 * aggregated per offering, as metering's SQL would. What is measured is the settlement itself:
 * reading both streams, splitting every person, storing every line (COPY, in chunks with
 * checkpoints) and posting the ledger transaction.
 *
 * <p>Run: {@code ./mvnw -B -Pbench -DskipTests test-compile exec:exec
 * -Dbench.main=coop.commonscloud.settlement.internal.SettlementBenchmark -Dbench.xmx=1g}.
 * Sizes: {@code -Dbench.people=..} (passed on to the forked JVM).
 */
public final class SettlementBenchmark {

	static final int OFFERINGS = 20;
	static final int PARTNERS = 8;
	static final int DAYS = 30;

	/** Synthetic payments and usage, regenerated identically on every call from the seed. */
	static final class Synthetic implements Payments, Usage {

		final UUID[] people;
		final List<OfferingId> offerings;
		long dailyRows;

		Synthetic(int count, List<OfferingId> offerings) {
			Random random = new Random(20261021);
			people = new UUID[count];
			for (int i = 0; i < count; i++) {
				people[i] = new UUID(random.nextLong(), random.nextLong());
			}
			Arrays.sort(people, PeriodInputs.PERSON_ORDER);
			this.offerings = offerings;
		}

		@Override
		public void forEachPersonTotal(YearMonth period, Consumer<PersonPayments> sink) {
			SplittableRandom random = new SplittableRandom(1);
			long[] tiers = {83, 333, 833, 1000, 2500}; // a year's tier paid monthly, and pay-what-you-can
			for (UUID person : people) {
				int draw = random.nextInt(100);
				// 3 % refunded more than they paid this month, 2 % paid nothing (net zero: skipped)
				long cents = draw < 3 ? -random.nextInt(1, 2000) : draw < 5 ? 0 : tiers[random.nextInt(tiers.length)];
				sink.accept(new PersonPayments(person, Money.of(cents, "AUD")));
			}
		}

		@Override
		public void forEachPersonUsage(YearMonth period, Consumer<PersonUsage> sink) {
			SplittableRandom random = new SplittableRandom(2);
			long rows = 0;
			for (UUID person : people) {
				if (random.nextInt(10) == 0) {
					continue; // about one in ten uses nothing this month
				}
				int used = 2 + random.nextInt(6); // 2 to 7 offerings, 4.5 on average
				int first = random.nextInt(OFFERINGS);
				List<OfferingUsage> usage = new ArrayList<>(used);
				for (int k = 0; k < used; k++) {
					int activity = 60 + random.nextInt(40); // percent of days this person uses it
					int days = 0;
					long units = 0;
					for (int day = 0; day < DAYS; day++) {
						if (random.nextInt(100) < activity) {
							days++;
							units += random.nextInt(1, 50);
							rows++;
						}
					}
					if (days > 0) {
						usage.add(new OfferingUsage(offerings.get((first + k * 7) % OFFERINGS), days, units));
					}
				}
				sink.accept(new PersonUsage(person, usage));
			}
			dailyRows = rows;
		}
	}

	public static void main(String[] args) throws Exception {
		int people = Integer.getInteger("bench.people", 100_000);
		List<OfferingId> offerings = new ArrayList<>(); // filled once the offerings exist
		Synthetic synthetic = new Synthetic(people, offerings);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CommonsCloudApplication.class)
				.properties("server.port=0", "commonscloud.database.embedded.data-dir=temporary",
						"commonscloud.admin-password=steward-password-for-tests", "logging.level.root=WARN",
						"spring.main.banner-mode=off")
				.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean(Synthetic.class, () -> synthetic))
				.run(args);
		try {
			SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
					null, AuthorityUtils.createAuthorityList("ROLE_STEWARD")));
			setUp(context, offerings);
			SettlingPeriod settling = context.getBean(SettlingPeriod.class);
			SettlementStore store = context.getBean(SettlementStore.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			List<Long> previews = new ArrayList<>();
			List<Long> posts = new ArrayList<>();
			List<Long> peaks = new ArrayList<>();
			int runs = Integer.getInteger("bench.runs", 3);
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
						+ "preview %.1f s, post %.1f s, peak heap %d MB; paid %s, stewardship %s, land-back %s, %d providers%n",
						run + 1, period, posted.peopleTotal(), synthetic.dailyRows, lines, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
						peak / (1024 * 1024), result.money(result.payments()), result.money(result.stewardship()),
						result.money(result.landBack()), result.providers().size());
				if (preview.result().payments() != result.payments()) {
					throw new IllegalStateException("preview and posted totals differ");
				}
			}
			System.out.printf(Locale.ROOT, "median over %d runs: preview %.1f s, post (read, split, store, ledger) %.1f s, "
					+ "peak heap %d MB, max heap %d MB%n", runs, median(previews) / 1e3, median(posts) / 1e3,
					median(peaks) / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
		} finally {
			SecurityContextHolder.clearContext();
			context.close();
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
