package coop.commonscloud.settlement.internal;

import static coop.commonscloud.settlement.internal.SettlementFixtures.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.platform.Conflict;
import coop.commonscloud.platform.Money;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.ledger.Posting;
import coop.commonscloud.settlement.internal.SettlementFixtures.Provider;
import coop.commonscloud.settlement.internal.domain.PeriodTotals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The settlement job: preview, post, idempotent per period, and resumed after a crash with the same result. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SettlementTestSources.class)
class SettlingPeriodTests {

	@Autowired
	SettlingPeriod settling;
	@Autowired
	SettlementTestSources sources;
	@Autowired
	SettlementStore store;
	@Autowired
	Ledger ledger;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	MockMvc mvc;
	@TempDir
	Path dir;

	Provider settler;
	Provider indigenous;
	List<String> offerings;

	@BeforeEach
	void providers() throws Exception {
		SettlementFixtures fixtures = new SettlementFixtures(mvc);
		settler = fixtures.partner("Settler Co-op " + fixtures.suffix, true);
		indigenous = fixtures.partner("Mob Co-op " + fixtures.suffix, false);
		offerings = List.of(fixtures.offering(settler, "Nextcloud " + fixtures.suffix),
				fixtures.offering(settler, "Matrix " + fixtures.suffix), fixtures.offering(indigenous, "Forgejo " + fixtures.suffix));
		SettlementFixtures.asSteward();
	}

	@AfterEach
	void reset() {
		settling.afterChunk = chunk -> {
		};
		settling.chunkSize = 1000;
		SecurityContextHolder.clearContext();
	}

	/** The same synthetic month (seeded) for every period given: payments, refunds, usage, people who used nothing. */
	void month(long seed, int people, YearMonth... periods) {
		Random random = new Random(seed);
		for (int i = 0; i < people; i++) {
			UUID person = new UUID(random.nextLong(), random.nextLong());
			long cents = switch (random.nextInt(10)) {
				case 0 -> 0;
				case 1 -> -random.nextInt(2000);
				default -> 1000 + random.nextInt(9000);
			};
			boolean usedNothing = random.nextInt(6) == 0;
			int[] days = {random.nextInt(31), random.nextInt(31), random.nextInt(31)};
			for (YearMonth period : periods) {
				sources.pay(period, person, cents);
				if (!usedNothing) {
					for (int o = 0; o < 3; o++) {
						if (days[o] > 0) {
							sources.use(period, person, offerings.get(o), days[o], days[o] * 3L);
						}
					}
				}
			}
		}
	}

	List<String> lines(YearMonth period) {
		return jdbc.sql("select l.person, l.line_no, l.kind, l.partner, l.amount_minor, l.weight, l.detail from settlement_line l "
				+ "join settlement_run r on r.id = l.run_id where r.period = :period order by l.person, l.line_no")
				.param("period", period.toString())
				.query((rs, n) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
						+ rs.getLong(5) + "|" + rs.getLong(6) + "|" + rs.getString(7))
				.list();
	}

	List<PostedTransaction> postedFor(YearMonth period) {
		return ledger.journal().stream()
				.filter(t -> t.transaction().cause().reference().equals("settlement-" + period))
				.toList();
	}

	static Map<String, Long> legs(PostedTransaction t) {
		return t.transaction().postings().stream()
				.collect(Collectors.toMap(p -> p.account().name(), p -> p.amount().minorUnits()));
	}

	@Test
	void a_run_broken_mid_way_and_run_again_posts_the_same_result_once() {
		YearMonth whole = SettlementTestSources.uniquePeriod();
		YearMonth broken = SettlementTestSources.uniquePeriod();
		month(42, 1500, whole, broken);
		settling.chunkSize = 100;

		settling.settle(whole);

		settling.afterChunk = chunk -> {
			if (chunk == 7) {
				throw new IllegalStateException("the power went out after chunk 7");
			}
		};
		assertThatThrownBy(() -> settling.settle(broken)).hasMessageContaining("power went out");
		SettlementStore.Run interrupted = store.find(broken).orElseThrow();
		assertThat(interrupted.status()).isEqualTo(SettlementStore.Status.RUNNING);
		assertThat(interrupted.peopleDone()).isEqualTo(700);
		assertThat(interrupted.peopleTotal()).isGreaterThan(1000);
		assertThat(postedFor(broken)).isEmpty();

		settling.afterChunk = chunk -> {
		};
		SettlementStore.Run resumed = settling.settle(broken);
		assertThat(resumed.status()).isEqualTo(SettlementStore.Status.POSTED);
		assertThat(resumed.peopleDone()).isEqualTo(resumed.peopleTotal()).isEqualTo(interrupted.peopleTotal());

		assertThat(lines(broken)).hasSize(lines(whole).size()).isEqualTo(lines(whole));
		assertThat(postedFor(whole)).hasSize(1);
		assertThat(postedFor(broken)).hasSize(1);
		assertThat(legs(postedFor(broken).get(0))).isEqualTo(legs(postedFor(whole).get(0)));

		// running a posted period again changes nothing
		assertThat(settling.settle(broken).id()).isEqualTo(resumed.id());
		assertThat(postedFor(broken)).hasSize(1);
		assertThatThrownBy(() -> settling.start(broken)).isInstanceOf(Conflict.class).hasMessageContaining("already posted");
	}

	@Test
	void the_preview_stores_nothing_and_shows_what_is_then_posted() {
		YearMonth period = SettlementTestSources.uniquePeriod();
		month(7, 300, period);

		SettlingPeriod.Preview preview = settling.preview(period);
		assertThat(store.find(period)).isEmpty();
		assertThat(preview.samples()).hasSize(SettlingPeriod.SAMPLE_STATEMENTS);
		assertThat(preview.parameters()).contains("settlement.stewardship-share = 10 %", "land-back.contribution = 10 %");

		SettlementStore.Run run = settling.settle(period);
		PeriodTotals.Result posted = store.postedResult(run).orElseThrow();
		PeriodTotals.Result previewed = preview.result();
		assertThat(posted.payments()).isEqualTo(previewed.payments()).isNotZero();
		assertThat(posted.stewardship()).isEqualTo(previewed.stewardship());
		assertThat(posted.landBack()).isEqualTo(previewed.landBack()).isPositive();
		assertThat(posted.commonsFund()).isEqualTo(previewed.commonsFund());
		assertThat(posted.people()).isEqualTo(previewed.people());
		assertThat(posted.peopleUsedNothing()).isEqualTo(previewed.peopleUsedNothing()).isPositive();
		assertThat(posted.providers()).containsExactlyInAnyOrderElementsOf(previewed.providers());
		assertThat(run.parameters()).isEqualTo(preview.parameters());
		YearMonth current = YearMonth.now(java.time.ZoneOffset.UTC);
		assertThatThrownBy(() -> settling.settle(current)).isInstanceOf(coop.commonscloud.platform.InvalidInput.class)
				.hasMessageContaining("once the month has ended");
		assertThat(store.find(current)).isEmpty();

		PeriodTotals.ProviderResult mob = posted.providers().stream()
				.filter(p -> p.provider().toString().equals(indigenous.id())).findFirst().orElseThrow();
		assertThat(mob.settlerRun()).isFalse();
		assertThat(mob.levy()).isZero();
		assertThat(posted.stewardship() + posted.providersPayable() + posted.landBack() + posted.commonsFund())
				.isEqualTo(posted.payments());
	}

	@Test
	void bean_check_accepts_the_ledger_after_a_settlement_with_the_apps_balances() throws Exception {
		YearMonth period = SettlementTestSources.uniquePeriod();
		month(99, 200, period);
		SettlementStore.Run run = settling.settle(period);
		PeriodTotals.Result posted = store.postedResult(run).orElseThrow();
		LedgerAccount settlerPayable = LedgerAccount.providerPayable(UUID.fromString(settler.id()));
		long payable = posted.providers().stream().filter(p -> p.provider().toString().equals(settler.id()))
				.mapToLong(PeriodTotals.ProviderResult::payable).sum();
		assertThat(ledger.balances().get(settlerPayable)).containsExactly(Money.of(-payable, "AUD"));

		String journal = mvc.perform(get("/api/ledger/export.beancount").with(STEWARD))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(journal).contains("SETTLEMENT_RUN settlement-" + period)
				.containsPattern("balance " + settlerPayable.name() + "\\s+" + Money.of(-payable, "AUD").amount().toPlainString()
						.replace(".", "\\.") + " ~ 0 AUD");
		Path file = dir.resolve("ledger.beancount");
		Files.writeString(file, journal);
		Process check = new ProcessBuilder("bean-check", file.toString()).redirectErrorStream(true)
				.redirectOutput(dir.resolve("bean-check.out").toFile()).start();
		assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(Files.readString(dir.resolve("bean-check.out")).strip()).isEmpty();
		assertThat(check.exitValue()).isZero();
	}

	static long sum(List<Posting> postings) {
		return postings.stream().mapToLong(p -> p.amount().minorUnits()).sum();
	}
}
