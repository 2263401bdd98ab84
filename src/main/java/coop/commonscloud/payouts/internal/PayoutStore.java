package coop.commonscloud.payouts.internal;

import coop.commonscloud.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payout batches and files. The ledger's figures come from the ledger's API, not from its tables. */
@Repository
@RequiredArgsConstructor
class PayoutStore {

	private final JdbcClient jdbc;

	/** Serialises batch creation for a period until the transaction ends. */
	void lockPeriod(YearMonth period) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('payout-batches:' || :period))").param("period", period.toString())
				.query((rs, n) -> 1).list();
	}

	Optional<PayoutBatch> live(YearMonth period, UUID partnerId) {
		return batches("period = :period and partner_id = :partner and status <> 'REVERSED'",
				Map.of("period", period.toString(), "partner", partnerId)).stream().findFirst();
	}

	int reversedCount(YearMonth period, UUID partnerId) {
		return jdbc.sql("select count(*) from payout_batch where period = :period and partner_id = :partner and status = 'REVERSED'")
				.param("period", period.toString()).param("partner", partnerId).query(Integer.class).single();
	}

	PayoutBatch insert(String reference, YearMonth period, UUID partnerId, Money amount, BankDetails bank, long ledgerTx,
			String by) {
		var au = "AUD".equals(amount.currency().getCurrencyCode()) ? bank.australian() : null;
		var eu = au == null ? bank.sepa() : null;
		long id = jdbc.sql("""
				insert into payout_batch (reference, period, partner_id, currency, amount_minor, bsb, account_number, account_name,
				  iban, bic, account_holder, ledger_transaction_id, created_by)
				values (:reference, :period, :partner, :currency, :amount, :bsb, :number, :name, :iban, :bic, :holder, :tx, :by)
				returning id""")
				.param("reference", reference).param("period", period.toString()).param("partner", partnerId)
				.param("currency", amount.currency().getCurrencyCode()).param("amount", amount.minorUnits())
				.param("bsb", au == null ? null : au.bsb()).param("number", au == null ? null : au.accountNumber())
				.param("name", au == null ? null : au.accountName()).param("iban", eu == null ? null : eu.iban())
				.param("bic", eu == null ? null : eu.bic()).param("holder", eu == null ? null : eu.holder())
				.param("tx", ledgerTx).param("by", by)
				.query(Long.class).single();
		return batch(id).orElseThrow();
	}

	Optional<PayoutBatch> batch(long id) {
		return batches("id = :id", Map.of("id", id)).stream().findFirst();
	}

	List<PayoutBatch> ofPeriod(YearMonth period) {
		return batches("period = :period", Map.of("period", period.toString()));
	}

	List<PayoutBatch> ofPartner(UUID partnerId) {
		return batches("partner_id = :partner", Map.of("partner", partnerId));
	}

	List<YearMonth> periods() {
		return jdbc.sql("select distinct period from payout_batch order by period desc").query(String.class).list().stream()
				.map(YearMonth::parse).toList();
	}

	void markReversed(long id, long reversalTx, String why) {
		jdbc.sql("update payout_batch set status = 'REVERSED', reversal_transaction_id = :tx, reversal_reason = :why where id = :id")
				.param("tx", reversalTx).param("why", why).param("id", id).update();
	}

	long insertExport(YearMonth period, PayoutExport.Format format, int batches, long total, String content, String sha256,
			String by) {
		return jdbc.sql("""
				insert into payout_export (period, format, currency, batches, total_minor, content, sha256, created_by)
				values (:period, :format, :currency, :batches, :total, :content, :sha, :by) returning id""")
				.param("period", period.toString()).param("format", format.name()).param("currency", format.currency)
				.param("batches", batches).param("total", total).param("content", content).param("sha", sha256).param("by", by)
				.query(Long.class).single();
	}

	void markExported(List<Long> batchIds, long exportId) {
		for (long id : batchIds) {
			jdbc.sql("update payout_batch set status = 'EXPORTED', export_id = :export where id = :id and status = 'CREATED'")
					.param("export", exportId).param("id", id).update();
		}
	}

	List<PayoutExport> exports(YearMonth period) {
		return jdbc.sql("select * from payout_export where period = :period order by id").param("period", period.toString())
				.query((rs, n) -> export(rs)).list();
	}

	Optional<PayoutExport> export(long id) {
		return jdbc.sql("select * from payout_export where id = :id").param("id", id).query((rs, n) -> export(rs)).optional();
	}

	String exportContent(long id) {
		return jdbc.sql("select content from payout_export where id = :id").param("id", id).query(String.class).single();
	}

	private static PayoutExport export(ResultSet rs) throws SQLException {
		return new PayoutExport(rs.getLong("id"), YearMonth.parse(rs.getString("period")),
				PayoutExport.Format.valueOf(rs.getString("format")), rs.getInt("batches"),
				Money.of(rs.getLong("total_minor"), rs.getString("currency")), rs.getString("sha256"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	private List<PayoutBatch> batches(String where, Map<String, Object> params) {
		return jdbc.sql("select * from payout_batch where " + where + " order by period desc, id").params(params)
				.query((rs, n) -> new PayoutBatch(rs.getLong("id"), rs.getString("reference"), YearMonth.parse(rs.getString("period")),
						rs.getObject("partner_id", UUID.class), Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
						rs.getString("bsb") == null ? null : new BankDetails.AustralianAccount(rs.getString("bsb"),
								rs.getString("account_number"), rs.getString("account_name")),
						rs.getString("iban") == null ? null : new BankDetails.SepaAccount(rs.getString("iban"), rs.getString("bic"),
								rs.getString("account_holder")),
						rs.getLong("ledger_transaction_id"), PayoutBatch.Status.valueOf(rs.getString("status")),
						(Long) rs.getObject("export_id", Long.class), (Long) rs.getObject("reversal_transaction_id", Long.class),
						rs.getString("reversal_reason"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
				.list();
	}
}
