package coop.commonscloud.billing;

/**
 * Where money comes in. Billing has two sources of its own: a steward's manual entry
 * ({@code manual}: cash or a bank transfer seen on the account) and the bank-statement CSV import
 * ({@code bank-csv}). Each hands what it received to {@link PaymentIntake#receive}.
 *
 * <h2>Adding a card processor</h2>
 * A card processor (Stripe, Square, a bank's card gateway) is added as its own module that
 * implements this interface and calls {@link PaymentIntake#receive} once per <em>settled</em>
 * charge, never for an authorisation that might still fail:
 * <ul>
 * <li>{@link #name()} is a short, stable, lower-case name such as {@code card-stripe}. It is stored
 * with every payment and, together with the reference, makes a payment unique: never rename a
 * source that has recorded payments.</li>
 * <li>The {@link IncomingPayment#reference() reference} is the processor's own id of the charge
 * (for example the charge or payment-intent id), so a webhook delivered twice, or a nightly
 * reconciliation that sees the same charge again, records nothing new and answers
 * {@link PaymentIntake.Outcome.AlreadyRecorded}.</li>
 * <li>The person is the region account id: pass it to the processor as metadata when the
 * checkout starts and read it back from the webhook; verify the webhook's signature before
 * trusting anything in it.</li>
 * <li>The amount is what reached the region, in the currency of the plans (AUD); the processor's
 * fee is a cost of the region, not a smaller payment by the person.</li>
 * <li>Refunds made at the processor are recorded with billing's refund (a reversing entry against
 * the payment), never by changing the payment: payments are append-only.</li>
 * <li>Card numbers never reach the region: only the processor's ids are stored.</li>
 * </ul>
 */
public interface PaymentSource {

	/** The source's stable name, for example {@code manual}, {@code bank-csv} or {@code card-stripe}. */
	String name();
}
