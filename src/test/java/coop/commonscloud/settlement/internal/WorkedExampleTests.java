package coop.commonscloud.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.PostedTransaction;
import coop.commonscloud.settlement.internal.SettlementFixtures.Provider;
import coop.commonscloud.settlement.internal.domain.PeriodTotals;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The worked example of docs/settlement.md, computed there by hand, run through the app: it matches to the cent. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SettlementTestSources.class)
class WorkedExampleTests {

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

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void the_worked_example_matches_the_app_to_the_cent() throws Exception {
		SettlementFixtures f = new SettlementFixtures(mvc);
		// Co-op A is the partner whose id sorts first: the remainder tie of person 4 goes to it
		Provider first = f.partner("first " + f.suffix, true);
		Provider second = f.partner("second " + f.suffix, true);
		boolean inOrder = PeriodInputs.PERSON_ORDER.compare(UUID.fromString(first.id()), UUID.fromString(second.id())) < 0;
		Provider a = inOrder ? first : second;
		Provider b = inOrder ? second : first;
		f.rename(a, "Co-op A " + f.suffix);
		f.rename(b, "Co-op B " + f.suffix);
		f.declareSettlerRun(a, true);
		f.declareSettlerRun(b, false);
		String nextcloud = f.offering(a, "Nextcloud " + f.suffix);
		String matrix = f.offering(a, "Matrix " + f.suffix);
		String forgejo = f.offering(b, "Forgejo " + f.suffix);

		YearMonth period = SettlementTestSources.uniquePeriod();
		UUID p1 = UUID.randomUUID(), p2 = UUID.randomUUID(), p3 = UUID.randomUUID(), p4 = UUID.randomUUID(),
				p5 = UUID.randomUUID();
		sources.pay(period, p1, 4000);
		sources.use(period, p1, nextcloud, 21, 0);
		sources.use(period, p1, forgejo, 6, 0);
		sources.pay(period, p2, 1000);
		sources.use(period, p2, nextcloud, 10, 0);
		sources.use(period, p2, matrix, 10, 0);
		sources.use(period, p2, forgejo, 10, 0);
		sources.pay(period, p3, 10000); // used nothing
		sources.pay(period, p4, 50);
		sources.use(period, p4, nextcloud, 5, 0);
		sources.use(period, p4, forgejo, 5, 0);
		sources.use(period, p5, forgejo, 9, 0); // paid nothing, but their use counts for the fallback

		SettlementFixtures.asSteward();
		SettlementStore.Run run = settling.settle(period);

		UUID idA = UUID.fromString(a.id());
		UUID idB = UUID.fromString(b.id());
		assertThat(split(run, p1)).isEqualTo(Map.of("STEWARDSHIP", 400L, "PROVIDER " + idA, 2800L, "PROVIDER " + idB, 800L));
		assertThat(split(run, p2)).isEqualTo(Map.of("STEWARDSHIP", 100L, "PROVIDER " + idA, 600L, "PROVIDER " + idB, 300L));
		assertThat(split(run, p3)).isEqualTo(Map.of("STEWARDSHIP", 1000L, "FALLBACK " + idA, 5447L, "FALLBACK " + idB, 3553L));
		assertThat(split(run, p4)).isEqualTo(Map.of("STEWARDSHIP", 5L, "PROVIDER " + idA, 23L, "PROVIDER " + idB, 22L));
		assertThat(split(run, p5)).isEmpty();

		PeriodTotals.Result result = store.postedResult(run).orElseThrow();
		assertThat(result.payments()).isEqualTo(15050);
		assertThat(result.stewardship()).isEqualTo(1505);
		assertThat(result.people()).isEqualTo(4);
		assertThat(result.peopleUsedNothing()).isEqualTo(1);
		assertThat(result.providers()).containsExactlyInAnyOrder(
				new PeriodTotals.ProviderResult(idA, true, 3423, 5447, 8870, 887, 7983, 3, 46),
				new PeriodTotals.ProviderResult(idB, false, 1122, 3553, 4675, 0, 4675, 3, 21));
		assertThat(result.landBack()).isEqualTo(887);
		assertThat(result.commonsFund()).isZero();

		List<PostedTransaction> posted = ledger.journal().stream()
				.filter(t -> t.transaction().cause().reference().equals("settlement-" + period)).toList();
		assertThat(posted).hasSize(1);
		assertThat(posted.get(0).transaction().date()).isEqualTo(period.atEndOfMonth());
		assertThat(posted.get(0).transaction().postings().stream()
				.collect(Collectors.toMap(p -> p.account().name(), p -> p.amount().minorUnits())))
				.isEqualTo(Map.of(
						LedgerAccount.UNSETTLED_PAYMENTS.name(), 15050L,
						LedgerAccount.STEWARDSHIP_INCOME.name(), -1505L,
						LedgerAccount.providerPayable(idA).name(), -7983L,
						LedgerAccount.providerPayable(idB).name(), -4675L,
						"Liabilities:LandBack:Unassigned", -887L));

		ProviderDirectory.Snapshot names = directory.snapshot();
		assertThat(SettlingPeriod.describe(store.linesOf(p1).get(period), result.currency(), names)).containsExactly(
				"28.00 to Co-op A " + f.suffix + " (Nextcloud " + f.suffix + ", 21 days)",
				"8.00 to Co-op B " + f.suffix + " (Forgejo " + f.suffix + ", 6 days)",
				"4.00 to the region's stewardship");
	}

	@Autowired
	ProviderDirectory directory;

	Map<String, Long> split(SettlementStore.Run run, UUID person) {
		return jdbc.sql("select kind, partner, amount_minor from settlement_line where run_id = :run and person = :person")
				.param("run", run.id()).param("person", person)
				.query((rs, n) -> Map.entry(rs.getString(1) + (rs.getString(2) == null ? "" : " " + rs.getString(2)), rs.getLong(3)))
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
