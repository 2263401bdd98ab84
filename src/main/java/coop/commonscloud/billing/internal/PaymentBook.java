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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only book of payments and refunds: records them once per source and reference,
 * publishes {@link PaymentReceived} and {@link PaymentRefunded}, and sums them per person for
 * settlement in one streamed query.
 */
@Service
@RequiredArgsConstructor
class PaymentBook implements PaymentIntake, Payments {

	public record Entry(UUID id, UUID paymentId, UUID person, Money amount, LocalDate on, String source, String reference,
			String method, String note, Instant recordedAt, String recordedBy, boolean refund) {
	}

	/** No payment to this platform predates it: an earlier date is a typing error, such as year 1 for 2001. */
	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final PaymentStore store;
	private final ApplicationEventPublisher events;
	private final Caller caller;
	private final Clock clock;

	@Override
	@Transactional
	public Outcome receive(PaymentSource source, IncomingPayment payment) {
		LocalDate today = LocalDate.now(clock);
		if (payment.receivedOn().isBefore(EARLIEST) || payment.receivedOn().isAfter(today.plusDays(1))) {
			throw new InvalidInput("'receivedOn' must lie between " + EARLIEST + " and tomorrow: a payment is recorded "
					+ "after it arrives");
		}
		UUID id = UUID.randomUUID();
		if (!store.insertPayment(id, source.name(), payment, caller.actor())) {
			return new Outcome.AlreadyRecorded(store.paymentId(source.name(), payment.reference()).orElseThrow());
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
		store.lockPayment(paymentId);
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
		store.insertRefund(id, paymentId, payment.person(), refund, refundedOn, why.strip(), caller.actor());
		events.publishEvent(new PaymentRefunded(id, paymentId, payment.person(), refund, refundedOn, why.strip()));
		return new Entry(id, paymentId, payment.person(), refund, refundedOn, payment.source(), payment.reference(), null,
				why.strip(), Instant.now(clock), caller.actor(), true);
	}

	Entry payment(UUID paymentId) {
		return store.payment(paymentId).orElseThrow(() -> new NotFound("No payment " + paymentId));
	}

	Money refunded(UUID paymentId, Money of) {
		return new Money(store.refundedCents(paymentId), of.currency());
	}

	/** A person's payments and refunds, newest first. */
	List<Entry> historyOf(UUID person) {
		return store.entriesOf(person);
	}

	/** The latest payments and refunds of everyone, newest first, for the steward's page. */
	List<Entry> recent() {
		return store.recentEntries();
	}

	/**
	 * One aggregation over payments and refunds dated in the period, streamed in person order
	 * (PostgreSQL's uuid order, which is the order of the ids' lower-case text).
	 */
	@Override
	@Transactional(readOnly = true) // the PostgreSQL driver streams with a fetch size only inside a transaction
	public void forEachPersonTotal(YearMonth period, Consumer<PersonPayments> sink) {
		store.forEachPersonTotal(period, sink);
	}
}
