package coop.commonscloud.billing;

import coop.commonscloud.platform.Money;
import java.time.LocalDate;
import java.util.UUID;

/** An earlier payment was refunded, wholly or in part ({@code amount} is positive). */
public record PaymentRefunded(UUID refundId, UUID paymentId, UUID person, Money amount, LocalDate refundedOn,
		String why) {
}
