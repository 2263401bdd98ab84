package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.IncomingPayment;
import coop.commonscloud.billing.PaymentIntake;
import coop.commonscloud.billing.PaymentReceived;
import coop.commonscloud.billing.PaymentRefunded;
import coop.commonscloud.billing.PaymentSource;
import coop.commonscloud.billing.Payments;
import coop.commonscloud.billing.PersonPayments;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import coop.commonscloud.platform.NotFound;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only book of payments and refunds: records them once per source and reference,
 * publishes {@link PaymentReceived} and {@link PaymentRefunded}, and sums them per person for
 * settlement in one streamed query.
 */
@Service
class PaymentBook implements PaymentIntake, Payments {

	public record Entry(UUID id, UUID paymentId, UUID person, Money amount, LocalDate on, String source, String reference,
			String method, String note, Instant recordedAt, String recordedBy, boolean refund) {
	}

	private static final int FETCH_SIZE = 5_000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final ApplicationEventPublisher events;
	private final Caller caller;

	PaymentBook(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events, Caller caller) {
		this.jdbc = jdbc;
		this.template = template;
		this.events = events;
		this.caller = caller;
	}

	@Override
	@Transactional
	public Outcome receive(PaymentSource source, IncomingPayment payment) {
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("insert into payment (id, person, amount_cents, currency, received_on, source, reference, "
				+ "method, note, recorded_by) values (:id, :person, :amount, :currency, :on, :source, :reference, :method, "
				+ ":note, :by) on conflict (source, reference) do nothing")
				.param("id", id).param("person", payment.person()).param("amount", payment.amount().minorUnits())
				.param("currency", payment.amount().currency().getCurrencyCode()).param("on", Date.valueOf(payment.receivedOn()))
				.param("source", source.name()).param("reference", payment.reference()).param("method", payment.method())
				.param("note", payment.note()).param("by", caller.actor()).update();
		if (inserted == 0) {
			UUID existing = jdbc.sql("select id from payment where source = :source and reference = :reference")
					.param("source", source.name()).param("reference", payment.reference()).query(UUID.class).single();
			return new Outcome.AlreadyRecorded(existing);
		}
		events.publishEvent(new PaymentReceived(id, payment.person(), payment.amount(), payment.receivedOn(), source.name(),
				payment.reference()));
		return new Outcome.Recorded(id);
	}

	/** A reversing entry against one payment; refunds of a payment never add up to more than it. */
	@Transactional
	Entry refund(UUID paymentId, String amount, LocalDate refundedOn, String why) {
		caller.requireSteward();
		Entry payment = payment(paymentId);
		// lock the payment so that concurrent refunds are checked one after the other
		jdbc.sql("select id from payment where id = :id for update").param("id", paymentId).query(UUID.class).single();
		Money refund = Money.parse(amount == null ? "" : amount, payment.amount().currency().getCurrencyCode());
		Money refunded = refunded(paymentId, payment.amount());
		Money left = payment.amount().minus(refunded);
		if (refund.minorUnits() <= 0) {
			throw new InvalidInput("A refund is a positive amount");
		}
		if (refund.compareTo(left) > 0) {
			throw new InvalidInput("At most " + left + " of this payment of " + payment.amount()
					+ " can still be refunded (" + refunded + " already was)");
		}
		if (why == null || why.isBlank() || why.length() > 500) {
			throw new InvalidInput("Say why the money is refunded (at most 500 characters)");
		}
		if (refundedOn == null) {
			throw new InvalidInput("Give the date of the refund");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into payment_refund (id, payment_id, person, amount_cents, currency, refunded_on, why, recorded_by) "
				+ "values (:id, :payment, :person, :amount, :currency, :on, :why, :by)")
				.param("id", id).param("payment", paymentId).param("person", payment.person())
				.param("amount", refund.minorUnits()).param("currency", refund.currency().getCurrencyCode())
				.param("on", Date.valueOf(refundedOn)).param("why", why.strip()).param("by", caller.actor()).update();
		events.publishEvent(new PaymentRefunded(id, paymentId, payment.person(), refund, refundedOn, why.strip()));
		return new Entry(id, paymentId, payment.person(), refund, refundedOn, payment.source(), payment.reference(), null,
				why.strip(), Instant.now(), caller.actor(), true);
	}

	Entry payment(UUID paymentId) {
		return entries("p.id = :id", "false", "id", paymentId).stream().findFirst()
				.orElseThrow(() -> new NotFound("No payment " + paymentId));
	}

	Money refunded(UUID paymentId, Money of) {
		long cents = jdbc.sql("select coalesce(sum(amount_cents), 0) from payment_refund where payment_id = :id")
				.param("id", paymentId).query(Long.class).single();
		return new Money(cents, of.currency());
	}

	/** A person's payments and refunds, newest first. */
	List<Entry> historyOf(UUID person) {
		return entries("p.person = :person", "r.person = :person", "person", person);
	}

	/** The latest payments and refunds of everyone, newest first, for the steward's page. */
	List<Entry> recent() {
		return entries("true", "true", null, null);
	}

	private List<Entry> entries(String paymentsWhere, String refundsWhere, String name, Object value) {
		var spec = jdbc.sql("select * from (select p.id, p.id as payment_id, p.person, p.amount_cents, p.currency, "
				+ "p.received_on as on_day, p.source, p.reference, p.method, p.note, p.recorded_at, p.recorded_by, false as refund "
				+ "from payment p where " + paymentsWhere + " union all "
				+ "select r.id, r.payment_id, r.person, r.amount_cents, r.currency, r.refunded_on, q.source, q.reference, "
				+ "null, r.why, r.recorded_at, r.recorded_by, true from payment_refund r join payment q on q.id = r.payment_id "
				+ "where " + refundsWhere + ") e order by on_day desc, recorded_at desc limit 200");
		if (name != null) {
			spec = spec.param(name, value);
		}
		return spec.query(PaymentBook::entry).list();
	}

	private static Entry entry(ResultSet row, int n) throws SQLException {
		return new Entry(row.getObject("id", UUID.class), row.getObject("payment_id", UUID.class),
				row.getObject("person", UUID.class), Money.of(row.getLong("amount_cents"), row.getString("currency")),
				row.getObject("on_day", LocalDate.class), row.getString("source"), row.getString("reference"),
				row.getString("method"), row.getString("note"), row.getTimestamp("recorded_at").toInstant(),
				row.getString("recorded_by"), row.getBoolean("refund"));
	}

	/**
	 * One aggregation over payments and refunds dated in the period, streamed in person order
	 * (PostgreSQL's uuid order, which is the order of the ids' lower-case text).
	 */
	@Override
	@Transactional(readOnly = true) // the PostgreSQL driver streams with a fetch size only inside a transaction
	public void forEachPersonTotal(YearMonth period, Consumer<PersonPayments> sink) {
		Date from = Date.valueOf(period.atDay(1));
		Date to = Date.valueOf(period.plusMonths(1).atDay(1));
		template.query(connection -> {
			var statement = connection.prepareStatement("select person, currency, sum(cents) from ("
					+ "select person, currency, amount_cents as cents from payment where received_on >= ? and received_on < ? "
					+ "union all "
					+ "select person, currency, -amount_cents from payment_refund where refunded_on >= ? and refunded_on < ?"
					+ ") movements group by person, currency order by person, currency");
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
}
