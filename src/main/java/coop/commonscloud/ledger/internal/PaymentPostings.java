package coop.commonscloud.ledger.internal;

import coop.commonscloud.billing.PaymentReceived;
import coop.commonscloud.billing.PaymentRefunded;
import coop.commonscloud.ledger.Cause;
import coop.commonscloud.ledger.Ledger;
import coop.commonscloud.ledger.LedgerAccount;
import coop.commonscloud.ledger.LedgerTransaction;
import coop.commonscloud.ledger.Posting;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Posts billing's payments and refunds to the ledger, once each: a payment debits cash and credits
 * the unsettled payments (which the period's settlement then distributes), a refund the reverse.
 * The cause is (PAYMENT, payment id) or (REFUND, refund id); a unique index on settlement causes
 * makes a redelivered event a no-op.
 */
@Component
@RequiredArgsConstructor
class PaymentPostings {

	private final Ledger ledger;
	private final JdbcClient jdbc;

	@ApplicationModuleListener
	void on(PaymentReceived payment) {
		postOnce(new LedgerTransaction(payment.receivedOn(), new Cause(Cause.Kind.PAYMENT, payment.paymentId().toString()),
				"Payment " + payment.source() + " " + payment.reference() + " from person " + payment.person(), List.of(
						new Posting(LedgerAccount.CASH, payment.amount()),
						new Posting(LedgerAccount.UNSETTLED_PAYMENTS, payment.amount().negated()))));
	}

	@ApplicationModuleListener
	void on(PaymentRefunded refund) {
		postOnce(new LedgerTransaction(refund.refundedOn(), new Cause(Cause.Kind.REFUND, refund.refundId().toString()),
				"Refund of payment " + refund.paymentId() + " to person " + refund.person()
						+ (refund.why() == null || refund.why().isBlank() ? "" : ": " + refund.why()), List.of(
						new Posting(LedgerAccount.UNSETTLED_PAYMENTS, refund.amount()),
						new Posting(LedgerAccount.CASH, refund.amount().negated()))));
	}

	/** Posts the transaction unless its cause is posted already; the lock makes two deliveries of one event wait for each other. */
	private void postOnce(LedgerTransaction transaction) {
		Cause cause = transaction.cause();
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", cause.kind() + " " + cause.reference())
				.query(rs -> {
				});
		if (!ledger.isPosted(cause)) {
			ledger.post(transaction);
		}
	}
}
