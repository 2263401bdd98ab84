package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.IncomingPayment;
import coop.commonscloud.billing.PersonPayments;
import coop.commonscloud.platform.Money;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments, refunds, the payers' bank-transfer references and the bank lines no reference matched.
 * The payment tables are append-only: a refund is a reversing entry, never an update.
 */
@Repository
@RequiredArgsConstructor
class PaymentStore {

	private static final int FETCH_SIZE = 5_000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	/** Records a payment unless its source already recorded one with the same reference; true when recorded. */
	boolean insertPayment(UUID id, String source, IncomingPayment payment, String by) {
		return jdbc.sql("""
				insert into payment (id, person, amount_cents, currency, received_on, source, reference, method, note, recorded_by)
				values (:id, :person, :amount, :currency, :on, :source, :reference, :method, :note, :by)
				on conflict (source, reference) do nothing""")
				.param("id", id).param("person", payment.person()).param("amount", payment.amount().minorUnits())
				.param("currency", payment.amount().currency().getCurrencyCode()).param("on", Date.valueOf(payment.receivedOn()))
				.param("source", source).param("reference", payment.reference()).param("method", payment.method())
				.param("note", payment.note()).param("by", by).update() == 1;
	}

	/** The payment a source recorded under its reference, if any. */
	Optional<UUID> paymentId(String source, String reference) {
		return jdbc.sql("select id from payment where source = :source and reference = :reference")
				.param("source", source).param("reference", reference).query(UUID.class).optional();
	}

	/** Locks the payment until the transaction ends, so that concurrent refunds are checked one after the other. */
	void lockPayment(UUID id) {
		jdbc.sql("select id from payment where id = :id for update").param("id", id).query(UUID.class).single();
	}

	long refundedCents(UUID paymentId) {
		return jdbc.sql("select coalesce(sum(amount_cents), 0) from payment_refund where payment_id = :id")
				.param("id", paymentId).query(Long.class).single();
	}

	void insertRefund(UUID id, UUID paymentId, UUID person, Money amount, LocalDate refundedOn, String why, String by) {
		jdbc.sql("""
				insert into payment_refund (id, payment_id, person, amount_cents, currency, refunded_on, why, recorded_by)
				values (:id, :payment, :person, :amount, :currency, :on, :why, :by)""")
				.param("id", id).param("payment", paymentId).param("person", person)
				.param("amount", amount.minorUnits()).param("currency", amount.currency().getCurrencyCode())
				.param("on", Date.valueOf(refundedOn)).param("why", why).param("by", by).update();
	}

	Optional<PaymentBook.Entry> payment(UUID paymentId) {
		return entries("p.id = :id", "false", "id", paymentId).stream().findFirst();
	}

	/** A person's payments and refunds, newest first (at most 200). */
	List<PaymentBook.Entry> entriesOf(UUID person) {
		return entries("p.person = :person", "r.person = :person", "person", person);
	}

	/** Everyone's latest payments and refunds, newest first (at most 200). */
	List<PaymentBook.Entry> recentEntries() {
		return entries("true", "true", null, null);
	}

	private List<PaymentBook.Entry> entries(String paymentsWhere, String refundsWhere, String name, Object value) {
		var spec = jdbc.sql("""
				select * from (
				  select p.id, p.id as payment_id, p.person, p.amount_cents, p.currency, p.received_on as on_day, p.source,
				    p.reference, p.method, p.note, p.recorded_at, p.recorded_by, false as refund
				  from payment p where %s
				  union all
				  select r.id, r.payment_id, r.person, r.amount_cents, r.currency, r.refunded_on, q.source, q.reference,
				    null, r.why, r.recorded_at, r.recorded_by, true
				  from payment_refund r join payment q on q.id = r.payment_id where %s
				) e order by on_day desc, recorded_at desc limit 200""".formatted(paymentsWhere, refundsWhere));
		if (name != null) {
			spec = spec.param(name, value);
		}
		return spec.query(PaymentStore::entry).list();
	}

	private static PaymentBook.Entry entry(ResultSet row, int n) throws SQLException {
		return new PaymentBook.Entry(row.getObject("id", UUID.class), row.getObject("payment_id", UUID.class),
				row.getObject("person", UUID.class), Money.of(row.getLong("amount_cents"), row.getString("currency")),
				row.getObject("on_day", LocalDate.class), row.getString("source"), row.getString("reference"),
				row.getString("method"), row.getString("note"), row.getTimestamp("recorded_at").toInstant(),
				row.getString("recorded_by"), row.getBoolean("refund"));
	}

	/**
	 * One aggregation over payments and refunds dated in the period, streamed in person order
	 * (PostgreSQL's uuid order, which is the order of the ids' lower-case text). The PostgreSQL driver
	 * streams with a fetch size only inside a transaction: call it in one.
	 */
	void forEachPersonTotal(YearMonth period, Consumer<PersonPayments> sink) {
		Date from = Date.valueOf(period.atDay(1));
		Date to = Date.valueOf(period.plusMonths(1).atDay(1));
		template.query(connection -> {
			var statement = connection.prepareStatement("""
					select person, currency, sum(cents) from (
					  select person, currency, amount_cents as cents from payment where received_on >= ? and received_on < ?
					  union all
					  select person, currency, -amount_cents from payment_refund where refunded_on >= ? and refunded_on < ?
					) movements group by person, currency order by person, currency""");
			statement.setFetchSize(FETCH_SIZE);
			statement.setDate(1, from);
			statement.setDate(2, to);
			statement.setDate(3, from);
			statement.setDate(4, to);
			return statement;
		}, row -> {
			sink.accept(new PersonPayments(row.getObject(1, UUID.class), Money.of(row.getLong(3), row.getString(2).strip())));
		});
	}

	Optional<String> referenceOf(UUID person) {
		return jdbc.sql("select payment_reference from billing_payer where person = :person").param("person", person)
				.query(String.class).optional();
	}

	/** Gives the person a payment reference unless they already have one (or another person has that one). */
	void insertPayer(UUID person, String reference) {
		jdbc.sql("insert into billing_payer (person, payment_reference) values (:person, :reference) on conflict do nothing")
				.param("person", person).param("reference", reference).update();
	}

	Optional<UUID> payerWithReference(String reference) {
		return jdbc.sql("select person from billing_payer where payment_reference = :reference")
				.param("reference", reference).query(UUID.class).optional();
	}

	/** The unmatched bank lines no steward has assigned to a payer yet (a payment of the source has their id), oldest first. */
	List<BankStatementImport.Unmatched> unassignedBankLines(String source) {
		return jdbc.sql("""
				select u.* from bank_statement_unmatched u
				where not exists (select 1 from payment p where p.source = :source and p.reference = u.transaction_id)
				order by u.booked_on, u.transaction_id""")
				.param("source", source)
				.query((row, n) -> new BankStatementImport.Unmatched(row.getString("transaction_id"),
						row.getObject("booked_on", LocalDate.class),
						Money.of(row.getLong("amount_cents"), row.getString("currency").strip()), row.getString("description"),
						row.getString("file_name")))
				.list();
	}

	/** Keeps a bank line no reference matched; false when an earlier import already kept it. */
	boolean insertUnmatched(BankStatementImport.Line line, String currency, String fileName, String by) {
		return jdbc.sql("""
				insert into bank_statement_unmatched (transaction_id, booked_on, amount_cents, currency, description, file_name,
				  imported_by)
				values (:id, :on, :amount, :currency, :description, :file, :by) on conflict do nothing""")
				.param("id", line.transactionId()).param("on", Date.valueOf(line.date()))
				.param("amount", line.amount().minorUnits()).param("currency", currency)
				.param("description", line.description()).param("file", fileName).param("by", by)
				.update() == 1;
	}
}
