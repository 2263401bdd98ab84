package coop.commonscloud.settlement.internal;

import coop.commonscloud.settlement.internal.domain.Levying;
import coop.commonscloud.settlement.internal.domain.PeriodTotals;
import coop.commonscloud.settlement.internal.domain.SettlementRules;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The settlement tables. Lines are written with COPY: a month of 100,000 people is 300,000 rows. */
@Repository
@RequiredArgsConstructor
class SettlementStore {

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	enum Status {
		RUNNING, POSTED
	}

	record Run(UUID id, YearMonth period, Currency currency, Status status, Instant startedAt, String startedBy,
			int peopleTotal, int peopleDone, UUID checkpoint, SettlementRules rules, String parameters, Instant postedAt,
			Long ledgerTransaction) {

		public int percentDone() {
			return peopleTotal == 0 ? 100 : (int) (100L * peopleDone / peopleTotal);
		}
	}

	Optional<Run> find(YearMonth period) {
		return jdbc.sql("select * from settlement_run where period = :period").param("period", period.toString())
				.query((rs, n) -> new Run(rs.getObject("id", UUID.class), YearMonth.parse(rs.getString("period")),
						Currency.getInstance(rs.getString("currency")), Status.valueOf(rs.getString("status")),
						rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"), rs.getInt("people_total"),
						rs.getInt("people_done"), rs.getObject("checkpoint_person", UUID.class),
						new SettlementRules(rs.getLong("stewardship_ppm"), rs.getLong("land_back_ppm"),
								SettlementRules.Weighting.valueOf(rs.getString("weighting")),
								SettlementRules.Fallback.valueOf(rs.getString("fallback"))),
						rs.getString("parameters"),
						rs.getTimestamp("posted_at") == null ? null : rs.getTimestamp("posted_at").toInstant(),
						(Long) rs.getObject("ledger_transaction")))
				.optional();
	}

	List<YearMonth> posted() {
		return jdbc.sql("select period from settlement_run where status = 'POSTED' order by period desc")
				.query((rs, n) -> YearMonth.parse(rs.getString(1))).list();
	}

	/** Starts a run; the unique period makes a second start of the same period fail. */
	void create(UUID id, YearMonth period, Currency currency, String by, int peopleTotal, SettlementRules rules,
			String parameters, SortedMap<UUID, Long> providerWeights) {
		jdbc.sql("insert into settlement_run (id, period, currency, status, started_by, people_total, stewardship_ppm, "
				+ "land_back_ppm, weighting, fallback, parameters) values (:id, :period, :currency, 'RUNNING', :by, :total, "
				+ ":steward, :landBack, :weighting, :fallback, :parameters)")
				.param("id", id).param("period", period.toString()).param("currency", currency.getCurrencyCode())
				.param("by", by).param("total", peopleTotal).param("steward", rules.stewardshipPpm())
				.param("landBack", rules.landBackPpm()).param("weighting", rules.weighting().name())
				.param("fallback", rules.fallback().name()).param("parameters", parameters)
				.update();
		providerWeights.forEach((partner, weight) -> jdbc.sql(
				"insert into settlement_provider_weight (run_id, partner, weight) values (:run, :partner, :weight)")
				.param("run", id).param("partner", partner).param("weight", weight).update());
	}

	SortedMap<UUID, Long> providerWeights(UUID run) {
		SortedMap<UUID, Long> weights = new TreeMap<>(PeriodInputs.PERSON_ORDER);
		jdbc.sql("select partner, weight from settlement_provider_weight where run_id = :run").param("run", run)
				.query(rs -> {
					weights.put(rs.getObject(1, UUID.class), rs.getLong(2));
				});
		return weights;
	}

	/** What a line of a person's settlement pays; stored under its name in {@code settlement_line.kind}. */
	enum LineKind {
		STEWARDSHIP, PROVIDER, FALLBACK, FUND
	}

	record Line(UUID person, int lineNo, LineKind kind, UUID partner, long amountMinor, long weight, String detail) {
	}

	/** Writes one chunk's lines and moves the checkpoint, in the caller's transaction. */
	void writeChunk(UUID run, List<Line> lines, int peopleInChunk, UUID lastPerson) {
		StringBuilder copy = new StringBuilder(lines.size() * 96);
		for (Line l : lines) {
			copy.append(run).append('\t').append(l.person()).append('\t').append(l.lineNo()).append('\t').append(l.kind().name())
					.append('\t').append(l.partner() == null ? "\\N" : l.partner().toString()).append('\t')
					.append(l.amountMinor()).append('\t').append(l.weight()).append('\t').append(copyText(l.detail()))
					.append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
					"copy settlement_line (run_id, person, line_no, kind, partner, amount_minor, weight, detail) from stdin",
					new StringReader(copy.toString()));
		} catch (SQLException | java.io.IOException e) {
			throw new IllegalStateException("Could not store the settlement lines: " + e.getMessage(), e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		jdbc.sql("update settlement_run set people_done = people_done + :n, checkpoint_person = :last where id = :run")
				.param("n", peopleInChunk).param("last", lastPerson).param("run", run).update();
	}

	private static String copyText(String s) {
		if (s == null) {
			return "\\N";
		}
		return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	/** The totals of every line stored for the run (including chunks written before a crash). */
	PeriodTotals totals(UUID run, Currency currency) {
		PeriodTotals totals = new PeriodTotals(currency);
		jdbc.sql("select coalesce(sum(amount_minor), 0) as payments, "
				+ "coalesce(sum(amount_minor) filter (where kind = 'STEWARDSHIP'), 0) as stewardship, "
				+ "coalesce(sum(amount_minor) filter (where kind = 'FUND'), 0) as fund, count(distinct person) as people, "
				+ "count(distinct person) filter (where kind in ('FALLBACK', 'FUND')) as nothing "
				+ "from settlement_line where run_id = :run")
				.param("run", run)
				.query(rs -> {
					totals.addStored(rs.getLong("payments"), rs.getLong("stewardship"), rs.getLong("fund"), rs.getInt("people"),
							rs.getInt("nothing"));
				});
		jdbc.sql("select partner, coalesce(sum(amount_minor) filter (where kind = 'PROVIDER'), 0) as usage_gross, "
				+ "coalesce(sum(amount_minor) filter (where kind = 'FALLBACK'), 0) as fallback_gross, "
				+ "count(*) filter (where kind = 'PROVIDER') as people, "
				+ "coalesce(sum(weight) filter (where kind = 'PROVIDER'), 0) as weight "
				+ "from settlement_line where run_id = :run and partner is not null group by partner")
				.param("run", run)
				.query(rs -> {
					totals.addStoredProvider(rs.getObject("partner", UUID.class), rs.getLong("usage_gross"),
							rs.getLong("fallback_gross"), rs.getInt("people"), rs.getLong("weight"));
				});
		return totals;
	}

	List<Levying.Payee> payees() {
		return jdbc.sql("select code, name, share from land_back_payee where active order by code")
				.query((rs, n) -> new Levying.Payee(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
	}

	/** Records the posted totals and marks the run posted, in the caller's transaction (with the ledger posting). */
	void markPosted(UUID run, PeriodTotals.Result result, Long ledgerTransaction) {
		jdbc.sql("insert into settlement_run_total (run_id, payments, stewardship, commons_fund, land_back, people, "
				+ "people_used_nothing) values (:run, :payments, :stewardship, :fund, :landBack, :people, :nothing)")
				.param("run", run).param("payments", result.payments()).param("stewardship", result.stewardship())
				.param("fund", result.commonsFund()).param("landBack", result.landBack()).param("people", result.people())
				.param("nothing", result.peopleUsedNothing()).update();
		for (PeriodTotals.ProviderResult p : result.providers()) {
			jdbc.sql("insert into settlement_provider_total (run_id, partner, settler_run, usage_gross, fallback_gross, levy, "
					+ "payable, people, usage_weight) values (:run, :partner, :settler, :usage, :fallback, :levy, :payable, "
					+ ":people, :weight)")
					.param("run", run).param("partner", p.provider()).param("settler", p.settlerRun())
					.param("usage", p.usageGross()).param("fallback", p.fallbackGross()).param("levy", p.levy())
					.param("payable", p.payable()).param("people", p.people()).param("weight", p.weight()).update();
		}
		for (PeriodTotals.PayeeResult p : result.payees()) {
			jdbc.sql("insert into settlement_payee_total (run_id, payee, name, amount_minor) values (:run, :payee, :name, :amount)")
					.param("run", run).param("payee", p.payee().code()).param("name", p.payee().name())
					.param("amount", p.amountMinor()).update();
		}
		int updated = jdbc.sql("update settlement_run set status = 'POSTED', posted_at = now(), ledger_transaction = :tx "
				+ "where id = :run and status = 'RUNNING'")
				.param("tx", ledgerTransaction).param("run", run).update();
		if (updated != 1) {
			throw new IllegalStateException("Settlement run " + run + " was posted by someone else");
		}
	}

	/** A posted run's totals as they were posted. */
	Optional<PeriodTotals.Result> postedResult(Run run) {
		if (run.status() != Status.POSTED) {
			return Optional.empty();
		}
		List<PeriodTotals.ProviderResult> providers = jdbc.sql("select * from settlement_provider_total where run_id = :run "
				+ "order by payable desc, partner")
				.param("run", run.id())
				.query((rs, n) -> new PeriodTotals.ProviderResult(rs.getObject("partner", UUID.class), rs.getBoolean("settler_run"),
						rs.getLong("usage_gross"), rs.getLong("fallback_gross"), rs.getLong("usage_gross") + rs.getLong("fallback_gross"),
						rs.getLong("levy"), rs.getLong("payable"), rs.getInt("people"), rs.getLong("usage_weight")))
				.list();
		List<PeriodTotals.PayeeResult> payees = jdbc.sql("select * from settlement_payee_total where run_id = :run order by payee")
				.param("run", run.id())
				.query((rs, n) -> new PeriodTotals.PayeeResult(new Levying.Payee(rs.getString("payee"), rs.getString("name"), 0),
						rs.getLong("amount_minor")))
				.list();
		return jdbc.sql("select * from settlement_run_total where run_id = :run").param("run", run.id())
				.query((rs, n) -> new PeriodTotals.Result(run.currency(), rs.getLong("payments"), rs.getLong("stewardship"),
						rs.getLong("commons_fund"), rs.getLong("land_back"), rs.getInt("people"), rs.getInt("people_used_nothing"),
						providers, payees))
				.optional();
	}

	/** One person's lines in every posted run, newest period first. */
	Map<YearMonth, List<Line>> linesOf(UUID person) {
		Map<YearMonth, List<Line>> lines = new TreeMap<>(java.util.Comparator.reverseOrder());
		jdbc.sql("select r.period, l.* from settlement_line l join settlement_run r on r.id = l.run_id "
				+ "where l.person = :person and r.status = 'POSTED' order by r.period desc, l.line_no")
				.param("person", person)
				.query(rs -> {
					lines.computeIfAbsent(YearMonth.parse(rs.getString("period")), p -> new java.util.ArrayList<>())
							.add(line(rs));
				});
		return lines;
	}

	/** Every line of a run, in person order, for the stewards' CSV export. */
	void forEachLine(UUID run, java.util.function.Consumer<Line> sink) {
		jdbc.sql("select * from settlement_line where run_id = :run order by person, line_no").param("run", run)
				.query(rs -> {
					sink.accept(line(rs));
				});
	}

	private static Line line(java.sql.ResultSet rs) throws SQLException {
		return new Line(rs.getObject("person", UUID.class), rs.getInt("line_no"), LineKind.valueOf(rs.getString("kind")),
				rs.getObject("partner", UUID.class), rs.getLong("amount_minor"), rs.getLong("weight"), rs.getString("detail"));
	}

	/** What one provider earned, period by period (posted runs only), newest first. */
	record Earning(YearMonth period, String currency, PeriodTotals.ProviderResult result) {
	}

	List<Earning> earningsOf(UUID partner) {
		return jdbc.sql("select r.period, r.currency, t.* from settlement_provider_total t join settlement_run r on r.id = t.run_id "
				+ "where t.partner = :partner order by r.period desc")
				.param("partner", partner)
				.query((rs, n) -> new Earning(YearMonth.parse(rs.getString("period")), rs.getString("currency"),
						new PeriodTotals.ProviderResult(partner, rs.getBoolean("settler_run"), rs.getLong("usage_gross"),
								rs.getLong("fallback_gross"), rs.getLong("usage_gross") + rs.getLong("fallback_gross"),
								rs.getLong("levy"), rs.getLong("payable"), rs.getInt("people"), rs.getLong("usage_weight"))))
				.list();
	}
}
