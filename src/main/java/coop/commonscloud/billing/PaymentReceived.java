package coop.commonscloud.billing;

import coop.commonscloud.platform.Money;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment was recorded (once per external reference). {@code source} names the payment source,
 * for example {@code manual} or {@code bank-csv}; {@code reference} is the payment's external
 * reference, unique per source.
 */
public record PaymentReceived(UUID paymentId, UUID person, Money amount, LocalDate receivedOn, String source,
		String reference) {
}
