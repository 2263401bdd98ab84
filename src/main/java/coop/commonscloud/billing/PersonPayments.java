package coop.commonscloud.billing;

import coop.commonscloud.platform.Money;
import java.util.UUID;

/**
 * What one person paid in a period, net of refunds: the sum of their payments received in the
 * period less the refunds made in it. Never negative in a period where nothing was refunded.
 */
public record PersonPayments(UUID person, Money net) {
}
